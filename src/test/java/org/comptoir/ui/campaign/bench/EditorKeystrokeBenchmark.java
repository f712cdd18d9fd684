package org.comptoir.ui.campaign.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.comptoir.ui.campaign.CampaignEditorViewModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Everything the campaign editor's view-model does on the FX thread for one keystroke in the text: the worst case
 * over the audience's first names, the counter, the Unicode help, the preview and its parts, the cost. Measured on
 * the view-model itself (no toolkit needed for its properties), with the audience's names loaded from a real store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EditorKeystrokeBenchmark {

    /** A 140-character promotion with the first-name placeholder; a GSM-7 one; one with Unicode (’ and «). */
    @Param({"placeholder", "plain", "unicode"})
    public String text;

    private Path dir;
    private AppContext app;
    private CampaignEditorViewModel vm;
    private String base;
    private int i;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("editor-bench");
        app = AppContext.open(dir);
        app.settings().set("shop.name", "Léa Fleurs");
        String[] names = {"Marie-Christine", "Anaïs", "Jean-Baptiste", "Léa"};
        for (int k = 0; k < names.length; k++) {
            app.consent().recordOptIn(new PhoneNumber("+3361234567" + k), names[k], app.consent().currentWording().id(),
                    Channel.TILL, "caisse");
        }
        vm = new CampaignEditorViewModel(app.campaigns(), app.settings(), Messages.forLanguage("fr"),
                new CurrentThreadTaskExecutor(), new ScriptedDialogs());
        base = switch (text) {
            case "placeholder" -> "Bonjour {prenom}, les soldes d'hiver commencent mercredi : -30 % sur les plantes"
                    + " vertes et les pots ! Venez tôt, quantités limitées.";
            case "plain" -> "Les soldes d'hiver commencent mercredi : -30 % sur les plantes vertes et les pots !"
                    + " Venez tôt, quantités limitées. A samedi !";
            default -> "C’est parti : « soldes d’hiver » dès mercredi, -30 % sur les plantes vertes et les pots !"
                    + " Venez tôt, quantités limitées.";
        };
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        app.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One keystroke: the text grows or shrinks by one letter, as typing and backspace do. */
    @Benchmark
    public String keystroke() {
        i++;
        vm.templateProperty().set((i & 1) == 0 ? base : base + "x");
        return vm.counterProperty().get();
    }
}

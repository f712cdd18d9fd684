package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options and arguments of each command are described in the install's language (cli_fr / cli_en), not only
 * the commands: a French install read "Options : … The campaign's name (never sent)."
 */
class CliOptionHelpLanguageTest {

    @TempDir
    Path dir;

    Path install(String language) throws IOException {
        return CliHarness.install(dir, language);
    }

    @Test
    void aFrenchInstallDescribesTheOptionsOfCampaignCreateInFrench() throws IOException {
        CliHarness.Result r = CliHarness.run(install("fr"), "campaign", "create", "--help");
        assertThat(r.code()).isZero();
        assertThat(flat(r)).contains("Options :").contains("Le nom de la campagne (jamais envoyé).")
                .contains("Seulement les contacts qui ont cette étiquette.")
                .doesNotContain("The campaign's name").doesNotContain("Only contacts with this tag");
    }

    @Test
    void aFrenchInstallDescribesTheArgumentsAndOptionsOfImportContactsInFrench() throws IOException {
        CliHarness.Result r = CliHarness.run(install("fr"), "import", "contacts", "--help");
        assertThat(r.code()).isZero();
        assertThat(flat(r)).contains("Arguments :").contains("Le tableur (la première ligne non vide = les en-têtes).")
                .contains("Vérifie chaque ligne et écrit le rapport des refus ; ne change rien.")
                .doesNotContain("The spreadsheet").doesNotContain("Check every row");
    }

    @Test
    void anEnglishInstallKeepsTheEnglishOptionDescriptions() throws IOException {
        CliHarness.Result r = CliHarness.run(install("en"), "campaign", "create", "--help");
        assertThat(flat(r)).contains("The campaign's name (never sent).").doesNotContain("Le nom de la campagne");
        CliHarness.Result imp = CliHarness.run(install("en"), "import", "contacts", "--help");
        assertThat(flat(imp)).contains("The spreadsheet (first non-empty row = headers).");
    }

    /** The help with its line wrapping undone: picocli wraps descriptions at 80 columns. */
    private static String flat(CliHarness.Result r) {
        return r.out().replaceAll("\\s+", " ");
    }

    /** Every option and argument of every command, not just the two above: a new one without French text fails here. */
    @Test
    void everyOptionAndArgumentHasItsOwnFrenchAndEnglishText() {
        Map<String, String> fr = descriptions("fr");
        Map<String, String> en = descriptions("en");
        assertThat(fr.keySet()).containsExactlyElementsOf(en.keySet());
        List<String> missing = new ArrayList<>();
        fr.forEach((arg, text) -> {
            if (text.isBlank() || en.get(arg).isBlank() || text.equals(en.get(arg))) {
                missing.add(arg + " → fr « " + text + " », en « " + en.get(arg) + " »");
            }
        });
        assertThat(missing).isEmpty();
    }

    /** "comptoir campaign create --name" → its help text, as picocli shows it in {@code language}. */
    private static Map<String, String> descriptions(String language) {
        ComptoirCommand root = new ComptoirCommand();
        root.installLanguage = language;
        Map<String, String> all = new LinkedHashMap<>();
        collect(Cli.commandLine(root), all);
        return all;
    }

    private static void collect(CommandLine cmd, Map<String, String> into) {
        for (ArgSpec arg : cmd.getCommandSpec().args()) {
            String name = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
            into.put(cmd.getCommandSpec().qualifiedName() + " " + name, String.join(" ", arg.description()));
        }
        cmd.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}

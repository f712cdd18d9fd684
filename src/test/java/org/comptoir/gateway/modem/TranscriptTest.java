package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.modem.emulator.MemoryPipe;
import org.junit.jupiter.api.Test;

/**
 * Initialisation replayed against recorded modem transcripts (src/test/resources/modem/): the exact
 * commands written, in order, and what was understood from real-looking answers, noise and garbage included.
 */
class TranscriptTest {

    record Step(String command, List<String> answer) {
    }

    static List<Step> load(String name) throws IOException {
        List<Step> steps = new ArrayList<>();
        try (InputStream in = TranscriptTest.class.getResourceAsStream("/modem/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("> ")) {
                    steps.add(new Step(line.substring(2), new ArrayList<>()));
                } else {
                    steps.get(steps.size() - 1).answer().add(line);
                }
            }
        }
        return steps;
    }

    /** Plays the modem: reads each command up to CR, records it, answers from the transcript. */
    static List<String> replay(List<Step> steps, MemoryPipe toModem, MemoryPipe toApp) {
        List<String> written = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            try {
                for (Step s : steps) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    int c;
                    while ((c = toModem.input().read()) >= 0 && c != '\r') {
                        b.write(c);
                    }
                    if (c < 0) {
                        return;
                    }
                    written.add(b.toString(StandardCharsets.ISO_8859_1));
                    StringBuilder answer = new StringBuilder();
                    for (String l : s.answer()) {
                        answer.append("\r\n").append(l).append("\r\n");
                    }
                    toApp.output().write(answer.toString().getBytes(StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                // the application closed the link
            }
        }, "transcript-modem");
        t.setDaemon(true);
        t.start();
        return written;
    }

    @Test
    void huaweiInitialisationWritesExactlyTheExpectedCommandsAndUnderstandsTheAnswers() throws Exception {
        List<Step> steps = load("huawei-e3372-init.txt");
        MemoryPipe toModem = new MemoryPipe();
        MemoryPipe toApp = new MemoryPipe();
        List<String> written = replay(steps, toModem, toApp);
        List<String> noise = new CopyOnWriteArrayList<>();
        try (AtChannel at = new AtChannel(new StreamLink("huawei", toApp.input(), toModem.output()),
                new AtChannel.Listener() {
                    @Override
                    public void onUnsolicited(String line, String pdu) {
                        noise.add(line);
                    }

                    @Override
                    public void onLinkLost(Throwable cause) {
                    }
                })) {
            ModemInfo info = new ModemSession(at, Duration.ofSeconds(2)).init(null);
            assertThat(written).containsExactlyElementsOf(steps.stream().map(Step::command).toList());
            assertThat(info).isEqualTo(new ModemInfo("huawei", "E3372", "21.180.01.00.00", "Orange F", "20801",
                    "208", 17, 1, "huawei"));
            assertThat(info.signalBars()).isEqualTo(3);
            at.awaitEvents(Duration.ofSeconds(2));
            assertThat(noise).containsExactly("^BOOT:12345678,0,0,0,75", "^RSSI:18");
        }
    }

    @Test
    void garbageAndAMissingSimEndInFailedWithAReason() throws Exception {
        List<Step> steps = load("malformed-answers.txt");
        MemoryPipe toModem = new MemoryPipe();
        MemoryPipe toApp = new MemoryPipe();
        List<String> written = replay(steps, toModem, toApp);
        try (AtChannel at = new AtChannel(new StreamLink("sim800", toApp.input(), toModem.output()),
                new AtChannel.Listener() {
                    @Override
                    public void onUnsolicited(String line, String pdu) {
                    }

                    @Override
                    public void onLinkLost(Throwable cause) {
                    }
                })) {
            assertThatThrownBy(() -> new ModemSession(at, Duration.ofSeconds(2)).init(null))
                    .isInstanceOfSatisfying(ModemInitException.class, e -> {
                        assertThat(e.state()).isEqualTo(GatewayState.FAILED);
                        assertThat(e.userMessage().key()).isEqualTo("modem.error.sim.missing");
                    });
            assertThat(written).containsExactlyElementsOf(steps.stream().map(Step::command).toList());
        }
    }
}

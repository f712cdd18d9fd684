package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.comptoir.gateway.modem.emulator.MemoryPipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AT channel against a scripted modem: the test plays the modem byte by byte. */
class AtChannelTest {

    static final Duration T = Duration.ofSeconds(5);

    MemoryPipe toModem;
    MemoryPipe toApp;
    AtChannel at;
    final BlockingQueue<String> urcs = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> lost = new CompletableFuture<>();

    @BeforeEach
    void open() {
        toModem = new MemoryPipe();
        toApp = new MemoryPipe();
        at = new AtChannel(new StreamLink("test", toApp.input(), toModem.output()), new AtChannel.Listener() {
            @Override
            public void onUnsolicited(String line, String pdu) {
                urcs.add(pdu == null ? line : line + "|" + pdu);
            }

            @Override
            public void onLinkLost(Throwable cause) {
                lost.complete(cause);
            }
        });
    }

    @AfterEach
    void close() {
        at.close();
    }

    /** The modem's side: read one command line up to CR. */
    String readCommand() throws IOException {
        return readUntil('\r');
    }

    String readUntil(int end) throws IOException {
        InputStream in = toModem.input();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != end) {
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    void modemWrites(String s) throws IOException {
        toApp.output().write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    CompletableFuture<AtChannel.Response> async(String command) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return at.command(command, T);
            } catch (AtException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    @Test
    void echoIsToleratedAndFinalResultEndsTheCommand() throws Exception {
        var r = async("AT");
        assertThat(readCommand()).isEqualTo("AT");
        modemWrites("AT\r\r\nOK\r\n");
        assertThat(r.get(5, TimeUnit.SECONDS).lines()).isEmpty();
        assertThat(r.get().finalLine()).isEqualTo("OK");
    }

    @Test
    void unsolicitedCodesBetweenACommandAndItsAnswerGoToTheListener() throws Exception {
        var r = async("AT+CSQ");
        readCommand();
        modemWrites("\r\n+CMTI: \"SM\",3\r\n\r\n^RSSI:18\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        assertThat(r.get(5, TimeUnit.SECONDS).lines()).containsExactly("+CSQ: 20,99");
        assertThat(urcs.poll(5, TimeUnit.SECONDS)).isEqualTo("+CMTI: \"SM\",3");
        assertThat(urcs.poll(5, TimeUnit.SECONDS)).isEqualTo("^RSSI:18");
    }

    @Test
    void theCommandsOwnPrefixIsAnAnswerNotAnUnsolicitedCode() throws Exception {
        var r = async("AT+CREG?");
        readCommand();
        modemWrites("\r\n+CREG: 1,5\r\n\r\nOK\r\n");
        assertThat(r.get(5, TimeUnit.SECONDS).value("+CREG:")).isEqualTo("1,5");
        assertThat(urcs).isEmpty();
    }

    @Test
    void numericAndVerboseErrorsAreParsed() throws Exception {
        var r = async("AT+CPIN=\"0000\"");
        readCommand();
        modemWrites("\r\n+CME ERROR: 16\r\n");
        assertThatThrownBy(() -> r.join()).hasCauseInstanceOf(AtException.Error.class)
                .cause().extracting(e -> ((AtException.Error) e).code().code()).isEqualTo(16);

        var v = async("AT+CPIN?");
        readCommand();
        modemWrites("\r\n+CME ERROR: SIM PIN required\r\n");
        assertThatThrownBy(() -> v.join()).cause().extracting(e -> ((AtException.Error) e).code())
                .isEqualTo(new ModemErrors.Code("CME", 11, "SIM PIN required"));

        var s = async("AT+CMGR=1");
        readCommand();
        modemWrites("\r\n+CMS ERROR: 321\r\n");
        assertThatThrownBy(() -> s.join()).cause().extracting(e -> ((AtException.Error) e).code().toString())
                .isEqualTo("CMS 321");
    }

    @Test
    void aTimeoutKeepsThePartialAnswer() throws Exception {
        CompletableFuture<AtException> failure = CompletableFuture.supplyAsync(() -> {
            try {
                at.command("AT+CSQ", Duration.ofMillis(300));
                return null;
            } catch (AtException e) {
                return e;
            }
        });
        readCommand();
        modemWrites("\r\n+CSQ: 9,99\r\n");
        AtException e = failure.get(5, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(AtException.Timeout.class);
        assertThat(e.partialLines()).containsExactly("+CSQ: 9,99");
        assertThat(at.consecutiveTimeouts()).isEqualTo(1);
    }

    @Test
    void thePromptHasNoLineEndAndThePduEndsWithCtrlZ() throws Exception {
        CompletableFuture<AtChannel.Response> r = CompletableFuture.supplyAsync(() -> {
            try {
                return at.sendPdu("AT+CMGS=23", "0011000B916407281553F80000AA0AE8329BFD4697D9EC37", T, T);
            } catch (AtException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertThat(readCommand()).isEqualTo("AT+CMGS=23");
        modemWrites("\r\n> ");
        assertThat(readUntil(0x1A)).isEqualTo("0011000B916407281553F80000AA0AE8329BFD4697D9EC37");
        modemWrites("\r\n+CMGS: 7\r\n\r\nOK\r\n");
        assertThat(r.get(5, TimeUnit.SECONDS).value("+CMGS:")).isEqualTo("7");
    }

    @Test
    void anErrorInsteadOfThePromptMeansNothingWasWritten() throws Exception {
        CompletableFuture<AtException> r = CompletableFuture.supplyAsync(() -> {
            try {
                at.sendPdu("AT+CMGS=23", "00", T, T);
                return null;
            } catch (AtException e) {
                return e;
            }
        });
        readCommand();
        modemWrites("\r\n+CMS ERROR: 331\r\n");
        AtException e = r.get(5, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(AtException.Error.class);
        assertThat(e.pduWritten()).isFalse();
    }

    @Test
    void aStatusReportCarriesItsPduOnTheNextLine() throws Exception {
        modemWrites("\r\n+CDS: 25\r\n07913396999999F906050B913316325476F8620151010300806201510103508000\r\n");
        assertThat(urcs.poll(5, TimeUnit.SECONDS))
                .isEqualTo("+CDS: 25|07913396999999F906050B913316325476F8620151010300806201510103508000");
    }

    @Test
    void aClosedPortFailsTheCommandInFlightAndIsReported() throws Exception {
        CompletableFuture<AtException> r = CompletableFuture.supplyAsync(() -> {
            try {
                at.command("AT+CSQ", T);
                return null;
            } catch (AtException e) {
                return e;
            }
        });
        readCommand();
        toApp.close();
        assertThat(r.get(5, TimeUnit.SECONDS)).isInstanceOf(AtException.LinkLost.class);
        assertThat(lost.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(at.isLost()).isTrue();
        assertThatThrownBy(() -> at.command("AT", T)).isInstanceOf(AtException.LinkLost.class);
    }
}

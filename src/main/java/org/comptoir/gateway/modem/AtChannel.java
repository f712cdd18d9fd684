package org.comptoir.gateway.modem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AT command transport of 3GPP TS 27.007 §4/§5 and TS 27.005 §3–4 over one {@link SerialLink}.
 *
 * <p>One reader thread frames the modem's bytes into lines ({@code \r\n}) and sorts them into the answer to
 * the command in flight (intermediate lines, then one final result) or unsolicited result codes
 * ({@code +CMTI}, {@code +CDS}, {@code RING}, {@code ^RSSI}…), which go to the {@link Listener} on their own
 * single-thread executor, so a listener may itself send commands. The {@code "> "} prompt of
 * {@code AT+CMGS} has no line end and is recognised while a PDU command waits for it. Command echo (before
 * {@code ATE0}) is tolerated.
 *
 * <p>Thread-safe: one command in flight at a time; other callers wait their turn. Every command has a
 * timeout that keeps the partial answer.
 *
 * <p>After a timeout the modem still owes a final result: a late {@code +CMGS: 7}/{@code OK} must not be taken
 * for the answer to the next command (a message that never left recorded as sent under another's reference).
 * The channel counts what is owed; a final result read while no command waits pays one off, and before the next
 * command it resynchronises: {@code AT}, skipping the owed results, until its own {@code OK} comes back.
 */
public final class AtChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtChannel.class);
    private static final byte CTRL_Z = 0x1A;
    private static final byte ESC = 0x1B;
    /** How long a resynchronising {@code AT} waits for the owed answers and its own. */
    static final Duration RESYNC_TIMEOUT = Duration.ofSeconds(3);

    /** Receives unsolicited codes and the loss of the link, on the channel's event thread. */
    public interface Listener {
        /** {@code pdu} is the second line of a two-line code ({@code +CDS: n}, {@code +CMT: ,n}), else null. */
        void onUnsolicited(String line, String pdu);

        void onLinkLost(Throwable cause);
    }

    /** Answer to one command: its intermediate lines and the final result line ({@code OK}). */
    public record Response(List<String> lines, String finalLine) {
        public Response {
            lines = List.copyOf(lines);
        }

        /** The first intermediate line starting with {@code prefix}, without it, trimmed; or null. */
        public String value(String prefix) {
            for (String l : lines) {
                if (l.startsWith(prefix)) {
                    return l.substring(prefix.length()).trim();
                }
            }
            return null;
        }
    }

    private final SerialLink link;
    private final Listener listener;
    private final ReentrantLock turn = new ReentrantLock();
    private final ExecutorService events;
    private final Thread reader;
    private final AtomicInteger consecutiveTimeouts = new AtomicInteger();
    private final InFlight inFlight;
    private volatile boolean lost;
    private volatile boolean closing;
    private String pendingTwoLine;

    public AtChannel(SerialLink link, Listener listener) {
        this.link = link;
        this.listener = listener;
        this.inFlight = new InFlight(link.name());
        String tag = link.name().replaceAll(".*/", "");
        this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "modem-events-" + tag));
        this.reader = daemon(this::readLoop, "modem-reader-" + tag);
        reader.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public String linkName() {
        return link.name();
    }

    /** True once the link failed or was closed. */
    public boolean isLost() {
        return lost || !link.isOpen();
    }

    /** Commands in a row that got no final result; reset by any final result. */
    public int consecutiveTimeouts() {
        return consecutiveTimeouts.get();
    }

    /**
     * Sends {@code command} (without the trailing CR) and waits up to {@code timeout} for its final result.
     * Blocks. Returns on {@code OK}; throws {@link AtException.Error} on an error result,
     * {@link AtException.Timeout} (partial lines kept) or {@link AtException.LinkLost}.
     */
    public Response command(String command, Duration timeout) throws AtException {
        turn.lock();
        try {
            PendingCommand p = begin(command, false);
            write(p, (command + "\r").getBytes(StandardCharsets.US_ASCII), false);
            return p.finish(awaitOrOwe(p, timeout, false), false);
        } finally {
            idle();
            turn.unlock();
        }
    }

    /** The final result of {@code p}; on a timeout the modem owes it, to be skipped when it comes late. */
    private String awaitOrOwe(PendingCommand p, Duration timeout, boolean pduWritten) throws AtException {
        try {
            return p.awaitFinal(timeout, pduWritten);
        } catch (AtException.Timeout e) {
            inFlight.giveUp(p);
            throw e;
        }
    }

    private void idle() {
        inFlight.clear();
    }

    /**
     * The two-step send of TS 27.005 §3.5.1 in PDU mode: {@code command} ({@code AT+CMGS=<len>}), wait for
     * the {@code "> "} prompt, then write {@code hex} and Ctrl-Z and wait for the final result. If no prompt
     * comes, ESC aborts and nothing was written. Exceptions say whether the PDU had been written.
     */
    public Response sendPdu(String command, String hex, Duration promptTimeout, Duration timeout) throws AtException {
        turn.lock();
        try {
            PendingCommand p = begin(command, true);
            write(p, (command + "\r").getBytes(StandardCharsets.US_ASCII), false);
            Boolean prompted = p.awaitPromptOrFinal(promptTimeout);
            if (prompted == null) {
                // no prompt: abort the input mode so the modem does not swallow the next command
                abortQuietly(p, promptTimeout);
                inFlight.giveUp(p);
                throw p.timeout(false);
            }
            if (!prompted) {
                // an error instead of the prompt, or the link died: nothing of the PDU was written
                return p.finish(awaitOrOwe(p, timeout, false), false);
            }
            byte[] body = (hex + (char) CTRL_Z).getBytes(StandardCharsets.US_ASCII);
            write(p, body, true);
            return p.finish(awaitOrOwe(p, timeout, true), true);
        } finally {
            idle();
            turn.unlock();
        }
    }

    /** A unit of work that sends several commands. */
    @FunctionalInterface
    public interface Exclusive<T> {
        T run() throws AtException;
    }

    /**
     * Runs {@code work} with the channel to itself: no other caller's command slips in between (the parts
     * of one message, a read and its delete). Commands inside may be issued as usual. Blocks.
     */
    public <T> T exclusive(Exclusive<T> work) throws AtException {
        turn.lock();
        try {
            return work.run();
        } finally {
            turn.unlock();
        }
    }

    private PendingCommand begin(String command, boolean expectsPrompt) throws AtException {
        if (isLost()) {
            throw new AtException.LinkLost(command, List.of(), false, null);
        }
        resync(command);
        PendingCommand p = new PendingCommand(command, expectsPrompt, link.name(), consecutiveTimeouts);
        inFlight.install(p);
        return p;
    }

    /**
     * When earlier commands were given up on, sends {@code AT} and skips the final results they still owe
     * until its own comes. If only some came within {@link #RESYNC_TIMEOUT}, the modem dropped the rest: in
     * step. If none came, the modem is silent: {@code next} is not sent and fails as a timeout.
     */
    private void resync(String next) throws AtException {
        PendingCommand p = inFlight.installResync(consecutiveTimeouts);
        if (p == null) {
            return;
        }
        int skip = p.skipFinals();
        LOG.info("Resynchronising {} before {}: {} answer(s) owed", link.name(), next, skip);
        try {
            write(p, "AT\r".getBytes(StandardCharsets.US_ASCII), false);
            p.awaitFinal(RESYNC_TIMEOUT, false);
            inFlight.owe(0);
        } catch (AtException.Timeout e) {
            if (p.finalsSeen() > 0) {
                inFlight.owe(0);
                return;
            }
            inFlight.owe(skip + 1);
            throw new AtException.Timeout(next, List.of(), false);
        } finally {
            idle();
        }
    }

    private void write(PendingCommand p, byte[] bytes, boolean pduBytes) throws AtException {
        try {
            link.output().write(bytes);
            link.output().flush();
        } catch (IOException e) {
            markLost(e);
            // a failed write of the PDU may still have handed part or all of it to the modem
            throw new AtException.LinkLost(p.command, p.snapshot(), pduBytes, e);
        }
    }

    private void abortQuietly(PendingCommand p, Duration promptTimeout) {
        try {
            link.output().write(ESC);
            link.output().flush();
        } catch (IOException e) {
            LOG.debug("ESC after missing prompt: {}", e.toString());
            return;
        }
        p.drainQuietly(Duration.ofMillis(Math.min(2000, promptTimeout.toMillis())));
    }

    // ---- reader thread ----

    private void readLoop() {
        InputStream in = link.input();
        StringBuilder line = new StringBuilder();
        byte[] buf = new byte[512];
        try {
            while (!closing) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("end of stream on " + link.name());
                }
                for (int i = 0; i < n; i++) {
                    char c = (char) (buf[i] & 0xFF);
                    if (c == '\r' || c == '\n') {
                        if (!line.isEmpty()) {
                            String l = line.toString().strip();
                            line.setLength(0);
                            if (!l.isEmpty()) {
                                onLine(l);
                            }
                        }
                    } else {
                        line.append(c);
                        PendingCommand p = inFlight.current();
                        if (c == '>' && line.length() == 1 && p != null && p.expectsPrompt) {
                            line.setLength(0);
                            p.promptSeen();
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                markLost(e);
            }
        }
    }

    private void markLost(Throwable cause) {
        if (lost) {
            return;
        }
        lost = true;
        PendingCommand p = inFlight.current();
        if (p != null) {
            p.fail(cause);
        }
        if (!closing) {
            LOG.warn("Link {} lost: {}", link.name(), cause.toString());
            link.close();
            submit(() -> listener.onLinkLost(cause));
        }
    }

    /** Sorts one line: second line of a two-line code, echo, final result, unsolicited, intermediate. */
    void onLine(String l) {
        if (pendingTwoLine != null) {
            String header = pendingTwoLine;
            pendingTwoLine = null;
            submit(() -> listener.onUnsolicited(header, l));
            return;
        }
        PendingCommand p = inFlight.current();
        if (p != null) {
            if (l.equalsIgnoreCase(p.command)) {
                return; // echo before ATE0
            }
            if (AtLines.isFinal(l)) {
                inFlight.onFinal(l);
                return;
            }
            if (!(p.prefix != null && l.startsWith(p.prefix)) && AtLines.isUnsolicited(l)) {
                unsolicited(l);
                return;
            }
            p.addLine(l);
            return;
        }
        if (AtLines.isUnsolicited(l)) {
            unsolicited(l);
        } else if (AtLines.isFinal(l)) {
            inFlight.onFinal(l);
        } else if (!l.toUpperCase(Locale.ROOT).startsWith("AT")) {
            LOG.debug("Stray line from {}: {}", link.name(), l);
        }
    }


    private void unsolicited(String l) {
        // +CDS: <length> and +CMT: [<alpha>],<length> carry the PDU on the next line (TS 27.005 §3.4.1)
        if ((l.startsWith("+CDS:") || l.startsWith("+CMT:"))) {
            pendingTwoLine = l;
            return;
        }
        submit(() -> listener.onUnsolicited(l, null));
    }

    private void submit(Runnable r) {
        try {
            events.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.error("Modem event handler failed on {}", link.name(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("Event after close on {}", link.name());
        }
    }

    /** Closes the link and stops the threads; never throws. */
    @Override
    public void close() {
        closing = true;
        PendingCommand p = inFlight.current();
        if (p != null) {
            p.fail(new IOException("channel closed"));
        }
        link.close();
        events.shutdown();
    }

    /** Lets a caller wait until queued events ran (tests, orderly shutdown). */
    public boolean awaitEvents(Duration timeout) {
        CompletableFuture<Void> marker = new CompletableFuture<>();
        try {
            events.execute(() -> marker.complete(null));
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException | ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

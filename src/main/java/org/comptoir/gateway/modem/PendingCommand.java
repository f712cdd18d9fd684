package org.comptoir.gateway.modem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command in flight on an {@link AtChannel}: the intermediate lines gathered so far, its final result
 * and, for {@code AT+CMGS}, the {@code "> "} prompt. The reader thread fills it; the caller's thread waits
 * on it, and every wait ends in an answer or an {@link AtException} that keeps the partial lines.
 */
final class PendingCommand {

    private static final Logger LOG = LoggerFactory.getLogger(PendingCommand.class);

    final String command;
    /** The information-response prefix this command expects ({@code +CMGL}); such lines are not URCs. */
    final String prefix;
    final boolean expectsPrompt;
    private final String linkName;
    private final AtomicInteger consecutiveTimeouts;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final CompletableFuture<Object> prompt = new CompletableFuture<>();
    /** Final results still owed by earlier, abandoned commands: they arrive first and are not this one's. */
    private int skipFinals;
    private final int initialSkip;
    private volatile int finalsSeen;

    /** @param consecutiveTimeouts the channel's count of unanswered commands in a row: bumped or reset here */
    PendingCommand(String command, boolean expectsPrompt, String linkName, AtomicInteger consecutiveTimeouts) {
        this(command, expectsPrompt, linkName, consecutiveTimeouts, 0);
    }

    /** @param skipFinals final results owed by abandoned commands, to be taken as theirs before this one's */
    PendingCommand(String command, boolean expectsPrompt, String linkName, AtomicInteger consecutiveTimeouts,
                   int skipFinals) {
        this.skipFinals = skipFinals;
        this.initialSkip = skipFinals;
        this.command = command;
        this.prefix = AtLines.expectedPrefix(command);
        this.expectsPrompt = expectsPrompt;
        this.linkName = linkName;
        this.consecutiveTimeouts = consecutiveTimeouts;
    }

    // ---- reader thread ----

    void addLine(String l) {
        lines.add(l);
    }

    void complete(String finalLine) {
        finalsSeen++;
        if (skipFinals > 0) {
            skipFinals--;
            LOG.info("Late answer to an abandoned command on {}: {} {}", linkName, snapshot(), finalLine);
            lines.clear();
            return;
        }
        result.complete(finalLine);
    }

    /** Final results this command skips as owed by abandoned ones (as set when made). */
    int skipFinals() {
        return initialSkip;
    }

    /** Final results received so far, skipped ones included. */
    int finalsSeen() {
        return finalsSeen;
    }

    /** Whether a final result came (after an ESC, the modem's answer to the aborted command). */
    boolean answered() {
        return result.isDone() && !result.isCompletedExceptionally();
    }

    void promptSeen() {
        prompt.complete("> ");
    }

    /** The link died or the channel closed: wakes the waiting caller with {@code cause}. */
    void fail(Throwable cause) {
        result.completeExceptionally(cause);
        prompt.completeExceptionally(cause);
    }

    // ---- caller's thread ----

    /** Waits for the final result line. Throws {@link AtException.Timeout} or {@link AtException.LinkLost}. */
    String awaitFinal(Duration timeout, boolean pduWritten) throws AtException {
        Object r = await(result.thenApply(s -> (Object) s), timeout, pduWritten);
        if (r == null) {
            throw timeout(pduWritten);
        }
        return (String) r;
    }

    /**
     * Waits for the prompt or, instead of it, a final result (an error, the link lost). True for the prompt,
     * false when the result came first, null when neither came in time.
     */
    Boolean awaitPromptOrFinal(Duration timeout) throws AtException {
        if (await(CompletableFuture.anyOf(prompt, result), timeout, false) == null) {
            return null;
        }
        return !result.isDone();
    }

    /** After an ESC: gives the modem a moment to answer, so its answer is not taken for the next command's. */
    void drainQuietly(Duration timeout) {
        try {
            result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("ESC after missing prompt: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Null on timeout. */
    private Object await(CompletableFuture<Object> f, Duration timeout, boolean pduWritten) throws AtException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new AtException.LinkLost(command, snapshot(), pduWritten, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException.LinkLost(command, snapshot(), pduWritten, e);
        }
    }

    /** Counts one more unanswered command and builds its exception, partial lines kept. */
    AtException timeout(boolean pduWritten) {
        int n = consecutiveTimeouts.incrementAndGet();
        LOG.warn("No answer to {} on {} ({} in a row); partial: {}", command, linkName, n, snapshot());
        return new AtException.Timeout(command, snapshot(), pduWritten);
    }

    /** The answer for {@code OK}; an {@link AtException.Error} for any other final result. */
    AtChannel.Response finish(String finalLine, boolean pduWritten) throws AtException {
        consecutiveTimeouts.set(0);
        if (finalLine.equals("OK")) {
            return new AtChannel.Response(snapshot(), finalLine);
        }
        throw new AtException.Error(command, ModemErrors.parse(finalLine), snapshot(), pduWritten);
    }

    List<String> snapshot() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}

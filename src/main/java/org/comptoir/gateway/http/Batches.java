package org.comptoir.gateway.http;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;

/**
 * Coalesces concurrent sends of the same message to different recipients into one batch request, for a provider
 * whose batch endpoint answers per recipient (OVHcloud's job). No timer: a send that finds every in-flight slot taken
 * waits, and whatever of the same text, sender and validity arrived meanwhile leaves with it once a slot frees (as a
 * database's group commit does). A lone send, or sends that never queue, go one by one as before.
 *
 * <p>Per key, one caller at a time waits for a slot as the batch's leader; once it has the slot it takes up to
 * {@code max} waiting messages (oldest first, one per recipient), sends them in one request on its own thread and
 * hands each caller its own result. The next caller becomes the leader as soon as the batch has left, so up to the
 * in-flight limit of requests of one text run at once. Thread-safe; {@link #send} blocks its caller until its own
 * message has a result.
 */
final class Batches {

    /** What may share a request: the provider sends one text, sender, validity and report request per job. */
    private record Key(String text, String sender, Instant validUntil, boolean report) {
        static Key of(OutgoingSms sms) {
            return new Key(sms.text(), sms.sender(), sms.validUntil(), sms.requestStatusReport());
        }
    }

    private static final class Entry {
        final OutgoingSms sms;
        boolean taken;
        SendResult result;

        Entry(OutgoingSms sms) {
            this.sms = sms;
        }
    }

    /** Lowered to 1 for good by {@link #sendAlone} once the provider's answers put a batch's pairing in doubt. */
    private volatile int max;
    private volatile Runnable stopped = () -> { };
    private final Semaphore inFlight;
    private final Function<List<OutgoingSms>, List<SendResult>> request;
    private final Function<OutgoingSms, SendResult> interrupted;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Key, ArrayDeque<Entry>> waiting = new HashMap<>();
    private final Set<Key> leading = new HashSet<>();
    /** For tests: told, under the lock, how many messages wait for a request once one more joined. */
    private volatile java.util.function.IntConsumer onWaiting = n -> { };

    /**
     * @param max         most recipients in one request
     * @param inFlight    the gateway's in-flight limit, one permit per request
     * @param request     sends a batch (one message or more) and gives one result per message, in order; never throws
     * @param interrupted the result for a message given up before it left (the caller was interrupted)
     */
    Batches(int max, Semaphore inFlight, Function<List<OutgoingSms>, List<SendResult>> request,
            Function<OutgoingSms, SendResult> interrupted) {
        this.max = max;
        this.inFlight = inFlight;
        this.request = request;
        this.interrupted = interrupted;
    }

    /**
     * From now on each message leaves in its own request: one answer to a batch paired its ids with receivers in
     * another order than assumed, so a batch's references can no longer be trusted to name the right message.
     */
    void sendAlone() {
        if (max != 1) {
            max = 1;
            stopped.run(); // once: whoever built the gateway keeps the decision
        }
    }

    /** Told, once, when {@link #sendAlone} turns batching off. */
    void onStopped(Runnable action) {
        this.stopped = action == null ? () -> { } : action;
    }

    void onWaiting(java.util.function.IntConsumer hook) {
        this.onWaiting = hook == null ? n -> { } : hook;
    }

    /** Sends {@code sms}, alone or with others of the same key; blocks until its result is known. */
    SendResult send(OutgoingSms sms) {
        Key key = Key.of(sms);
        Entry mine = new Entry(sms);
        lock.lock();
        try {
            ArrayDeque<Entry> queue = waiting.computeIfAbsent(key, k -> new ArrayDeque<>());
            queue.add(mine);
            onWaiting.accept(queue.size());
            while (mine.result == null) {
                if (!mine.taken && !leading.contains(key)) {
                    if (!lead(key)) {
                        remove(key, mine); // interrupted before anything left: nothing of it was sent
                        return interrupted.apply(sms);
                    }
                    continue;
                }
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    if (!mine.taken) {
                        remove(key, mine);
                        Thread.currentThread().interrupt();
                        return interrupted.apply(sms);
                    }
                    // already in a request under way: its result (maybe Unknown) must be waited for, not guessed
                    Thread.currentThread().interrupt();
                    while (mine.result == null) {
                        changed.awaitUninterruptibly();
                    }
                }
            }
            return mine.result;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called with the lock held: waits for a slot, takes the batch, sends it without the lock, hands out results.
     * False when interrupted while waiting for the slot (nothing taken, nothing sent).
     */
    private boolean lead(Key key) {
        leading.add(key);
        lock.unlock();
        boolean permit = false;
        try {
            inFlight.acquire();
            permit = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.lock();
        }
        List<Entry> batch = permit ? take(key) : List.of();
        leading.remove(key);
        changed.signalAll(); // the next waiting caller may lead the next batch while this one is under way
        if (!permit) {
            return false; // the callers still waiting were woken: one of them leads instead
        }
        lock.unlock();
        List<SendResult> results;
        try {
            results = batch.isEmpty() ? List.of() : request.apply(batch.stream().map(e -> e.sms).toList());
        } catch (RuntimeException e) {
            // the request may have left before whatever broke: never a guess that invites a second send
            SendResult unknown = new SendResult.Unknown("batch request broke off: " + e.getClass().getSimpleName());
            results = batch.stream().map(x -> unknown).toList();
        } finally {
            inFlight.release();
            lock.lock();
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result = results.get(i);
        }
        changed.signalAll();
        return true;
    }

    /** Up to {@code max} waiting messages of {@code key}, oldest first, never two to the same recipient. */
    private List<Entry> take(Key key) {
        ArrayDeque<Entry> queue = waiting.get(key);
        List<Entry> batch = new ArrayList<>();
        Set<String> recipients = new HashSet<>();
        if (queue == null) {
            return batch;
        }
        int most = max;
        for (Iterator<Entry> it = queue.iterator(); it.hasNext() && batch.size() < most; ) {
            Entry e = it.next();
            if (recipients.add(e.sms.recipientE164())) {
                e.taken = true;
                batch.add(e);
                it.remove();
            }
        }
        if (queue.isEmpty()) {
            waiting.remove(key);
        }
        return batch;
    }

    private void remove(Key key, Entry entry) {
        ArrayDeque<Entry> queue = waiting.get(key);
        if (queue != null) {
            queue.remove(entry);
            if (queue.isEmpty()) {
                waiting.remove(key);
            }
        }
    }

    /** The one result every message of {@code batch} gets (a refusal or an unknown fate of the whole request). */
    static List<SendResult> same(List<OutgoingSms> batch, SendResult result) {
        return batch.stream().map(s -> result).toList();
    }

    /** The outbox ids of {@code batch}, for a log line. */
    static String ids(List<OutgoingSms> batch) {
        return batch.size() == 1 ? batch.get(0).id() : batch.stream().map(OutgoingSms::id).toList().toString();
    }
}

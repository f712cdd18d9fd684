package org.comptoir.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sends a gateway that takes several at once ({@link SmsGateway#maxInFlight} above 1: an HTTP provider) has in
 * hand for the engine. Only the gateway call runs on these workers: every check before it (consent, window, caps,
 * the claim that makes the row SENDING) and every outbox write after it stay on the engine thread, which takes the
 * finished sends back through {@link #drain} and the {@code await} methods. So the engine's rules and counters keep
 * one thread, and a crash while sends are in flight leaves their rows SENDING, to become UNKNOWN: never resent.
 */
final class InFlightSends implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightSends.class);

    /** A claimed row handed to the gateway, and what the gateway answered (timed on the worker). */
    record Done(OutboxRow claimed, OutgoingSms sms, SendResult result, Instant before, Instant after) {
    }

    private final SmsGateway gateway;
    private final Clock clock;
    private final Runnable wake;
    private final int max;
    private final BlockingQueue<Done> finished = new LinkedBlockingQueue<>();
    /** Handed to a worker and not yet taken back by the engine thread. */
    private final AtomicInteger inHand = new AtomicInteger();
    private ExecutorService workers;

    /** @param wake wakes the engine thread when a send finishes while it waits on something else */
    InFlightSends(SmsGateway gateway, Clock clock, Runnable wake) {
        this.gateway = gateway;
        this.clock = clock;
        this.wake = wake;
        this.max = Math.max(1, gateway.maxInFlight());
    }

    /** True when sends leave on workers; false for a one-at-a-time gateway (a modem), sent on the engine thread. */
    boolean parallel() {
        return max > 1;
    }

    boolean busy() {
        return inHand.get() > 0;
    }

    /** Hands a claimed row to a worker; call {@link #awaitSlot} first. Engine thread. */
    void submit(OutboxRow claimed, OutgoingSms sms) {
        if (workers == null) {
            AtomicInteger n = new AtomicInteger();
            workers = Executors.newFixedThreadPool(max, r -> {
                Thread t = new Thread(r, "sending-" + gateway.name() + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        inHand.incrementAndGet();
        workers.execute(() -> {
            Instant before = clock.instant();
            SendResult result;
            try {
                result = gateway.send(sms);
            } catch (RuntimeException e) {
                // the port never throws for a send problem; if one does, the request may have left
                LOG.error("outbox {}: the gateway threw", claimed.id(), e);
                result = new SendResult.Unknown(e.toString());
            }
            finished.add(new Done(claimed, sms, result, before, clock.instant()));
            wake.run();
        });
    }

    /** Takes back every finished send without waiting. Engine thread. */
    void drain(Consumer<Done> record) {
        Done done;
        while ((done = finished.poll()) != null) {
            takeBack(done, record);
        }
    }

    /** Waits until a worker is free (taking back what finishes meanwhile). Engine thread. */
    void awaitSlot(Consumer<Done> record) throws InterruptedException {
        drain(record);
        while (inHand.get() >= max) {
            takeBack(finished.take(), record);
        }
    }

    /** Waits for one send in hand to finish, then takes back every finished one. Engine thread. */
    void awaitOne(Consumer<Done> record) throws InterruptedException {
        if (busy()) {
            takeBack(finished.take(), record);
        }
        drain(record);
    }

    /** Waits for every send in hand: stopping finishes the messages already given to the gateway. Engine thread. */
    void awaitAll(Consumer<Done> record) throws InterruptedException {
        while (busy()) {
            takeBack(finished.take(), record);
        }
    }

    private void takeBack(Done done, Consumer<Done> record) {
        inHand.decrementAndGet();
        record.accept(done);
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdown();
            workers = null; // an engine started again after a stop gets new workers
        }
    }
}

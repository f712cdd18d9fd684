package org.comptoir.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.comptoir.sms.SmsText;

/**
 * The rehearsal route a shop owner can choose ({@code gateway = rehearsal}) to run a whole campaign without sending
 * anything: every message the engine would send is written to a {@link Sink} (the data folder's rehearsal log) with the
 * instant it would have left, and is answered as sent. The engine's checks, windows and pace apply as for real.
 *
 * <p>Thread-safe if the sink is. {@link #send} blocks as long as the sink.
 */
public final class RehearsalGateway implements SmsGateway {

    /** Where a rehearsal writes what it would have sent. Must store before returning; may throw. */
    @FunctionalInterface
    public interface Sink {
        void record(Instant at, OutgoingSms sms, int parts);
    }

    private final Sink sink;
    private final Clock clock;
    private final AtomicLong references = new AtomicLong();
    private volatile GatewayListener listener = GatewayListener.NONE;

    public RehearsalGateway(Sink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public SendResult send(OutgoingSms sms) {
        int parts = SmsText.analyze(sms.text()).parts();
        try {
            sink.record(clock.instant(), sms, parts);
        } catch (RuntimeException e) {
            return new SendResult.Failed(new GatewayError("REHEARSAL",
                    org.comptoir.i18n.UserMessage.of("gateway.rehearsal.failed", String.valueOf(e.getMessage()))), true);
        }
        List<String> refs = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            refs.add("R" + references.incrementAndGet());
        }
        return new SendResult.Sent(refs);
    }

    @Override
    public GatewayState state() {
        return GatewayState.READY;
    }

    @Override
    public void setListener(GatewayListener l) {
        listener = l == null ? GatewayListener.NONE : l;
    }

    @Override
    public String name() {
        return "rehearsal";
    }

    @Override
    public void close() {
    }
}

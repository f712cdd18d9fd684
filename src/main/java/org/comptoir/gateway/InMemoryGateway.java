package org.comptoir.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.comptoir.sms.SmsText;

/**
 * A gateway in memory, for tests and benchmarks: sends nothing, answers at once, keeps what it was given. Each part
 * gets a one-octet reference like a modem's TP-MR (0–255, wrapping). A test may script the answer for a recipient
 * ({@link #answer}), change the state, and push delivery reports and inbound messages to the listener.
 *
 * <p>Thread-safe.
 */
public final class InMemoryGateway implements SmsGateway {

    private final String name;
    private final List<OutgoingSms> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Function<OutgoingSms, SendResult>> scripted = new ConcurrentHashMap<>();
    private final List<InboundSms> waiting = new CopyOnWriteArrayList<>();
    private volatile GatewayListener listener = GatewayListener.NONE;
    private volatile GatewayState state = GatewayState.READY;
    private volatile Function<OutgoingSms, SendResult> beforeSend = sms -> null;
    private int nextReference;

    public InMemoryGateway(String name) {
        this.name = name;
    }

    /** Every message accepted ({@link SendResult.Sent}), in order. */
    public List<OutgoingSms> sent() {
        return List.copyOf(sent);
    }

    /** From now on, messages to {@code recipientE164} get {@code answer} instead of being sent. */
    public void answer(String recipientE164, Function<OutgoingSms, SendResult> answer) {
        scripted.put(recipientE164, answer);
    }

    /**
     * Runs {@code hook} at the start of each send (on the sender's thread): a test records a STOP "while" sending, or
     * returns a result to use instead of sending (null: send normally).
     */
    public void beforeSend(Function<OutgoingSms, SendResult> hook) {
        this.beforeSend = hook == null ? sms -> null : hook;
    }

    public void setState(GatewayState newState) {
        state = newState;
        listener.onStateChanged(newState);
    }

    /** A message that waits at the gateway until {@link #collectPending}. */
    public void holdInbound(InboundSms sms) {
        waiting.add(sms);
    }

    public GatewayListener listener() {
        return listener;
    }

    @Override
    public SendResult send(OutgoingSms sms) {
        SendResult hooked = beforeSend.apply(sms);
        if (hooked != null) {
            return hooked;
        }
        Function<OutgoingSms, SendResult> answer = scripted.get(sms.recipientE164());
        if (answer != null) {
            return answer.apply(sms);
        }
        if (state != GatewayState.READY) {
            return new SendResult.Failed(new GatewayError("STATE " + state,
                    org.comptoir.i18n.UserMessage.of("gateway.memory.not.ready", state)), true);
        }
        int parts = SmsText.analyze(sms.text()).parts();
        List<String> references = new ArrayList<>(parts);
        synchronized (this) {
            for (int i = 0; i < parts; i++) {
                references.add(Integer.toString(nextReference));
                nextReference = (nextReference + 1) % 256;
            }
        }
        sent.add(sms);
        return new SendResult.Sent(references);
    }

    @Override
    public GatewayState state() {
        return state;
    }

    @Override
    public void collectPending() {
        for (InboundSms sms : List.copyOf(waiting)) {
            if (!listener.storesInbound()) {
                return; // stays at the gateway (DESIGN invariant 9)
            }
            listener.onInbound(sms);
            waiting.remove(sms);
        }
    }

    @Override
    public Optional<SendResult> lookUp(OutgoingSms sms) {
        return Optional.empty();
    }

    @Override
    public void setListener(GatewayListener l) {
        listener = l == null ? GatewayListener.NONE : l;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
    }
}

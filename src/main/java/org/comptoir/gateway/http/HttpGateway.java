package org.comptoir.gateway.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.gateway.http.Exchanges.Answered;
import org.comptoir.gateway.http.Exchanges.Exchange;
import org.comptoir.gateway.http.Exchanges.MaybeSent;
import org.comptoir.gateway.http.Exchanges.NotSent;
import org.comptoir.i18n.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP provider route: one {@link Provider} (Twilio, OVHcloud, an Android phone, a generic template) behind
 * the {@link SmsGateway} port, with what every provider needs — pacing and bounded concurrency, retries with
 * back-off on 429 (honouring Retry-After), 5xx and refused connections, and <b>never twice</b>: once a request may
 * have left (a timeout or a lost connection after sending, a gateway timeout), the fate is
 * {@link SendResult.Unknown} and nothing is resent.
 *
 * <p>Threads: {@link #send}, {@link #collectPending}, {@link #lookUp} and {@link #checkAccount} block their caller
 * (HTTP I/O; each request waits at most the configured request timeout, plus pacing and back-off) and may be
 * called from several threads at once: at most {@link HttpConfig#concurrency()} sends are in flight. The HTTP
 * client's own work runs on this gateway's named threads ({@code http-<provider>-N}); an unreachable provider is
 * asked again on {@code http-<provider>-probe}. Listener calls happen on the
 * thread that called {@link #collectPending} (or {@link #send}, for an opt-out a refusal reveals).
 */
public final class HttpGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    /**
     * How often the engine polls replies, opt-outs and statuses while it runs: a STOP texted mid-campaign is known
     * within a minute; a minute's polling is far inside every provider's request limits.
     */
    static final Duration COLLECT_EVERY = Duration.ofMinutes(1);

    private final HttpConfig config;
    private final Provider provider;
    private final Clock clock;
    private final Delay delay;
    private final Semaphore inFlight;
    private final Redactor redactor;
    private final Exchanges exchanges;
    private final Collector collector;
    /** Null where the provider sends one message per request. */
    private final Batches batches;
    private final Reconnect reconnect;
    private volatile GatewayListener listener = GatewayListener.NONE;
    private volatile GatewayState state = GatewayState.READY;
    private volatile UserMessage problem;
    private volatile boolean closed;


    /** A gateway on the real clock, waiting for real. Throws {@link ComptoirException} for an unusable config. */
    public static HttpGateway create(HttpConfig config) {
        return new HttpGateway(config, Clock.systemUTC(), Delay.real());
    }

    public HttpGateway(HttpConfig config, Clock clock, Delay delay) {
        this.config = config;
        this.clock = clock;
        this.delay = delay;
        // OVH signs with the server's time, asked once through an unpaced request
        java.util.concurrent.atomic.AtomicReference<Exchanges> made = new java.util.concurrent.atomic.AtomicReference<>();
        this.provider = Providers.create(config, clock, call -> made.get().unpaced(call));
        this.redactor = new Redactor(new ArrayList<>(provider.secrets()));
        this.inFlight = new Semaphore(config.concurrency(), true);
        this.exchanges = new Exchanges(config, provider, clock, delay, redactor);
        made.set(exchanges);
        this.collector = new Collector(provider, exchanges, clock, redactor);
        this.batches = provider.maxBatch() > 1
                ? new Batches(provider.maxBatch(), inFlight, this::sendOnce, this::closedResult) : null;
        if (batches != null) {
            collector.onMispaired(batches::sendAlone);
        }
        this.reconnect = new Reconnect(provider.name(), config.reconnectAfter(), this::probe);
    }

    /**
     * Told once, on the collecting thread, when this gateway stops batching (a status record tied a batched message to
     * another receiver), so whoever built it keeps the decision across a restart. Must return quickly, not throw.
     */
    public void onBatchingStopped(Runnable action) {
        if (batches != null) {
            batches.onStopped(action);
        }
    }

    /** For tests: told how many messages of one text wait for a request, each time one more joins them. */
    void onBatchWaiting(java.util.function.IntConsumer hook) {
        if (batches != null) {
            batches.onWaiting(hook);
        }
    }

    /** The configuration, secrets masked in its {@code toString}. */
    public HttpConfig config() {
        return config;
    }

    /** The requests per second in force (the setting, or the provider's default). */
    public double ratePerSecond() {
        return config.ratePerSecond() > 0 ? config.ratePerSecond() : provider.defaultRate();
    }

    /**
     * Sends one message. Where the provider has a batch endpoint keeping per-recipient results ({@code ovh}), sends
     * of the same text made from several threads while every in-flight slot is taken leave together in one request
     * ({@link Batches}); each caller still gets its own recipient's result, and the pace counts each recipient.
     */
    @Override
    public SendResult send(OutgoingSms sms) {
        if (closed) {
            return closedResult(sms);
        }
        if (batches != null) {
            return batches.send(sms);
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return closedResult(sms);
        }
        try {
            return sendOnce(List.of(sms)).get(0);
        } finally {
            inFlight.release();
        }
    }

    private SendResult closedResult(OutgoingSms sms) {
        return new SendResult.Failed(new GatewayError("CLOSED", UserMessage.of("http.error.closed", name())), true);
    }

    /**
     * One request carrying {@code batch} (one message, or several of the same text to different recipients), with
     * its retries; one result per message. Never twice: whatever may have left makes every message in it Unknown.
     */
    private List<SendResult> sendOnce(List<OutgoingSms> batch) {
        boolean single = batch.size() == 1;
        Exchange ex;
        try {
            Call call = single ? provider.send(batch.get(0)) : provider.sendBatch(batch);
            ex = exchanges.exchange(call, true, config.maxAttempts(), batch.size());
        } catch (ComptoirException e) {
            // incomplete settings (a missing key, a bad address), found before anything left: not the message's
            // fault, so it stays retryable while the gateway, FAILED, waits for a person
            setState(GatewayState.FAILED);
            return Batches.same(batch,
                    new SendResult.Failed(new GatewayError("CONFIG", cleanMessage(e.userMessage())), true));
        }
        if (ex instanceof MaybeSent maybe) {
            LOG.warn("{}: fate of {} unknown: {}", name(), Batches.ids(batch), maybe.why());
            return Batches.same(batch, new SendResult.Unknown(maybe.why()));
        }
        if (ex instanceof NotSent not) {
            lost();
            return Batches.same(batch, new SendResult.Failed(new GatewayError("LINK",
                    UserMessage.of("http.error.unreachable", provider.name(), not.why())), true));
        }
        Reply reply = ((Answered) ex).reply();
        if (!reply.ok()) {
            return batch.stream().map(sms -> refusal(reply, sms)).toList();
        }
        List<SendResult> read = single ? List.of(provider.sent(reply, batch.get(0))) : provider.sentBatch(reply, batch);
        return java.util.stream.IntStream.range(0, batch.size())
                .mapToObj(i -> accepted(read.get(i), batch.get(i), reply)).toList();
    }

    private SendResult accepted(SendResult result, OutgoingSms sms, Reply reply) {
        if (result instanceof SendResult.Sent sent) {
            setState(GatewayState.READY);
            collector.track(sent, sms.recipientE164());
            LOG.info("{}: {} accepted as {} ({} part(s) reported)", name(), sms.id(), sent.partReferences(),
                    sent.reportedParts());
        } else if (result instanceof SendResult.Unknown u) {
            LOG.warn("{}: {} answered {} but unreadably: {}", name(), sms.id(), reply.status(), clean(u.why()));
            return new SendResult.Unknown(clean(u.why()));
        } else if (result instanceof SendResult.Failed f) {
            LOG.info("{}: {} refused in an accepted request: {}", name(), sms.id(), f.error().code());
        }
        return result;
    }

    private SendResult refusal(Reply reply, OutgoingSms sms) {
        int status = reply.status();
        if (status == 401 || status == 403) {
            // the credentials, not the message: it may go once a person fixed them (the gateway waits, FAILED)
            GatewayError refused = authError(reply);
            problem = refused.message();
            setState(GatewayState.FAILED);
            return new SendResult.Failed(refused, true);
        }
        if (status == 429 || status >= 500) {
            return new SendResult.Failed(new GatewayError("HTTP " + status,
                    UserMessage.of("http.error.busy", provider.name(), status)), true);
        }
        GatewayError error = provider.refused(reply);
        GatewayError cleaned = new GatewayError(clean(error.code()), cleanMessage(error.message()));
        LOG.info("{}: {} refused: {} {}", name(), sms.id(), cleaned.code(), cleaned.message().args());
        if (provider.refusedAsOptedOut(reply)) {
            collector.reportOptOut(listener, sms.recipientE164(), provider.name() + " " + cleaned.code(), clock.instant());
        }
        return new SendResult.Failed(cleaned, false);
    }

    private GatewayError authError(Reply reply) {
        return new GatewayError("HTTP " + reply.status(), UserMessage.of("http.error.auth", provider.name(), reply.status()));
    }

    @Override
    public int maxInFlight() {
        return config.concurrency();
    }

    @Override
    public GatewayState state() {
        return state;
    }

    /** The provider's refusal of the credentials while FAILED (never a credential in it). */
    @Override
    public Optional<UserMessage> problem() {
        return state == GatewayState.READY ? Optional.empty() : Optional.ofNullable(problem);
    }

    /**
     * Polls delivery statuses of the messages sent in the last three days (up to 200 a call), the provider's
     * opt-out list, and — only when the listener stores them — received messages, acknowledging each after the
     * listener stored it. A provider that does not answer is tried again at the next call.
     */
    @Override
    public void collectPending() {
        if (closed) {
            return;
        }
        try {
            collector.collect(listener);
        } catch (ComptoirException incomplete) {
            LOG.info("{}: nothing collected, settings incomplete ({})", name(), incomplete.userMessage().key());
        }
    }

    @Override
    public Optional<Duration> collectEvery() {
        return Optional.of(COLLECT_EVERY);
    }

    @Override
    public void track(String partReference, String recipientE164, java.time.Instant sentAt) {
        collector.track(partReference, recipientE164, sentAt);
    }

    /**
     * Asks the provider about {@code sms} by its client reference (Android gateway: its id; OVHcloud: its tag).
     * Empty when the provider keeps no client reference (Twilio) or could not be asked. Blocks.
     */
    @Override
    public Optional<SendResult> lookUp(OutgoingSms sms) {
        if (closed) {
            return Optional.empty();
        }
        Exchange ex;
        try {
            Optional<Call> call = provider.lookUp(sms);
            if (call.isEmpty()) {
                return Optional.empty();
            }
            ex = exchanges.exchange(call.get(), false);
        } catch (ComptoirException incomplete) {
            return Optional.empty();
        }
        if (!(ex instanceof Answered a) || a.reply().status() == 401 || a.reply().status() == 403
                || a.reply().status() >= 500) {
            return Optional.empty();
        }
        Optional<SendResult> found = provider.lookedUp(a.reply(), sms);
        found.ifPresent(r -> {
            if (r instanceof SendResult.Sent sent) {
                collector.track(sent, sms.recipientE164());
            }
        });
        return found;
    }

    /**
     * "Tester": checks the credentials with the provider's account or balance call. Blocks (one request, no
     * retry: at most the connect plus the request timeout). Returns the remaining credit where the provider tells it; throws {@link ComptoirException} with
     * the problem in words (refused credentials, unreachable, unexpected answer) — never with a credential in it.
     */
    public AccountCheck checkAccount() {
        Optional<Call> call = provider.account();
        if (call.isEmpty()) {
            return new AccountCheck(provider.name(), false, Optional.empty());
        }
        // the owner is waiting in front of the screen: one try, the answer at once
        Exchange ex = exchanges.exchange(call.get(), false, 1);
        if (ex instanceof NotSent n) {
            throw new ComptoirException(UserMessage.of("http.error.unreachable", provider.name(), n.why()));
        }
        if (ex instanceof MaybeSent m) {
            throw new ComptoirException(UserMessage.of("http.error.no.answer", provider.name(), m.why()));
        }
        Reply reply = ((Answered) ex).reply();
        if (reply.status() == 401 || reply.status() == 403) {
            setState(GatewayState.FAILED);
            throw new ComptoirException(authError(reply).message());
        }
        if (!provider.accountAccepted(reply)) {
            throw new ComptoirException(cleanMessage(provider.refused(reply).message()));
        }
        setState(GatewayState.READY);
        return new AccountCheck(provider.name(), true, provider.credit(reply).map(this::clean));
    }

    @Override
    public void setListener(GatewayListener listener) {
        this.listener = listener == null ? GatewayListener.NONE : listener;
    }

    @Override
    public String name() {
        return "http " + provider.name();
    }

    @Override
    public void close() {
        closed = true;
        if (delay instanceof Delay.Wakeable w) {
            w.cancelAll();
        }
        reconnect.close();
        exchanges.close();
    }

    /**
     * The provider could not be reached: DISCONNECTED (the engine keeps the messages queued) until a probe — the
     * account call where there is one — reaches it again, after 30 s, then doubling up to ten minutes.
     */
    private void lost() {
        setState(GatewayState.DISCONNECTED);
        reconnect.schedule();
    }

    private void probe() {
        if (closed || state != GatewayState.DISCONNECTED) {
            return;
        }
        Optional<Exchange> ex;
        try {
            ex = provider.account().map(call -> exchanges.exchange(call, false, 1));
        } catch (ComptoirException incomplete) {
            setState(GatewayState.FAILED);
            return;
        }
        if (ex.isPresent() && ex.get() instanceof NotSent) {
            setState(GatewayState.DISCONNECTED);
            reconnect.again();
            return;
        }
        reconnect.reset();
        boolean refused = ex.isPresent() && ex.get() instanceof Answered a
                && (a.reply().status() == 401 || a.reply().status() == 403);
        setState(refused ? GatewayState.FAILED : GatewayState.READY);
    }

    private void setState(GatewayState s) {
        if (state != s) {
            state = s;
            try {
                listener.onStateChanged(s);
            } catch (RuntimeException e) {
                LOG.warn("{}: listener failed on state {}", name(), s, e);
            }
        }
    }

    private String clean(String s) {
        return redactor.clean(s);
    }

    private UserMessage cleanMessage(UserMessage m) {
        return new UserMessage(m.key(), m.args().stream().map(a -> a instanceof String s ? (Object) clean(s) : a).toList());
    }
}

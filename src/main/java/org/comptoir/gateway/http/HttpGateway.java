package org.comptoir.gateway.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.ComptoirException;
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
 * client's own work runs on this gateway's named threads ({@code http-<provider>-N}). Listener calls happen on the
 * thread that called {@link #collectPending} (or {@link #send}, for an opt-out a refusal reveals).
 */
public final class HttpGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    /** Statuses are polled for this long after sending, then the message is left as it is. */
    private static final Duration TRACK_FOR = Duration.ofDays(3);
    private static final int POLLS_PER_COLLECTION = 200;

    private final HttpConfig config;
    private final Provider provider;
    private final Clock clock;
    private final Delay delay;
    private final Pacer pacer;
    private final Semaphore inFlight;
    private final Redactor redactor;
    private final ExecutorService httpThreads;
    private final HttpClient client;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Set<String> optOutsReported = ConcurrentHashMap.newKeySet();
    private volatile GatewayListener listener = GatewayListener.NONE;
    private volatile GatewayState state = GatewayState.READY;
    private volatile boolean closed;

    private record Tracked(String recipient, Instant sentAt) {
    }

    /** What one request came to, after its retries. */
    private sealed interface Exchange {
    }

    private record Answered(Reply reply) implements Exchange {
    }

    /** Nothing left: the connection was refused or never made. */
    private record NotSent(String why) implements Exchange {
    }

    /** The request may have reached the provider: never repeated by itself. */
    private record MaybeSent(String why) implements Exchange {
    }

    /** A gateway on the real clock, waiting for real. Throws {@link ComptoirException} for an unusable config. */
    public static HttpGateway create(HttpConfig config) {
        return new HttpGateway(config, Clock.systemUTC(), Delay.real());
    }

    public HttpGateway(HttpConfig config, Clock clock, Delay delay) {
        this.config = config;
        this.clock = clock;
        this.delay = delay;
        this.provider = Providers.create(config, clock, this::unpacedExchange);
        List<String> secrets = new ArrayList<>(provider.secrets());
        this.redactor = new Redactor(secrets);
        double rate = config.ratePerSecond() > 0 ? config.ratePerSecond() : provider.defaultRate();
        this.pacer = new Pacer(rate, clock, delay);
        this.inFlight = new Semaphore(config.concurrency(), true);
        AtomicInteger n = new AtomicInteger();
        this.httpThreads = Executors.newFixedThreadPool(Math.min(4, config.concurrency()), r -> {
            Thread t = new Thread(r, "http-" + provider.name() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect would resend a POST elsewhere
                // HTTP/1.1: no h2c upgrade offered to a phone's small server on the LAN
                .version(HttpClient.Version.HTTP_1_1)
                .executor(httpThreads)
                .build();
    }

    /** The configuration, secrets masked in its {@code toString}. */
    public HttpConfig config() {
        return config;
    }

    /** The requests per second in force (the setting, or the provider's default). */
    public double ratePerSecond() {
        return config.ratePerSecond() > 0 ? config.ratePerSecond() : provider.defaultRate();
    }

    @Override
    public SendResult send(OutgoingSms sms) {
        if (closed) {
            return new SendResult.Failed(new GatewayError("CLOSED", UserMessage.of("http.error.closed", name())), true);
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Failed(new GatewayError("CLOSED", UserMessage.of("http.error.closed", name())), true);
        }
        try {
            return sendOnce(sms);
        } finally {
            inFlight.release();
        }
    }

    private SendResult sendOnce(OutgoingSms sms) {
        Call call;
        try {
            call = provider.send(sms);
        } catch (ComptoirException e) {
            return new SendResult.Failed(new GatewayError("CONFIG", e.userMessage()), false);
        }
        Exchange ex = exchange(call, true);
        if (ex instanceof MaybeSent maybe) {
            LOG.warn("{}: fate of {} unknown: {}", name(), sms.id(), maybe.why());
            return new SendResult.Unknown(maybe.why());
        }
        if (ex instanceof NotSent not) {
            setState(GatewayState.DISCONNECTED);
            return new SendResult.Failed(new GatewayError("LINK",
                    UserMessage.of("http.error.unreachable", provider.name(), not.why())), true);
        }
        Reply reply = ((Answered) ex).reply();
        if (reply.ok()) {
            SendResult result = provider.sent(reply, sms);
            if (result instanceof SendResult.Sent sent) {
                setState(GatewayState.READY);
                for (String ref : sent.partReferences()) {
                    tracked.put(ref, new Tracked(sms.recipientE164(), clock.instant()));
                }
                LOG.info("{}: {} accepted as {} ({} part(s) reported)", name(), sms.id(), sent.partReferences(),
                        sent.reportedParts());
            } else if (result instanceof SendResult.Unknown u) {
                LOG.warn("{}: {} answered {} but unreadably: {}", name(), sms.id(), reply.status(), clean(u.why()));
                return new SendResult.Unknown(clean(u.why()));
            }
            return result;
        }
        return refusal(reply, sms);
    }

    private SendResult refusal(Reply reply, OutgoingSms sms) {
        int status = reply.status();
        if (status == 401 || status == 403) {
            setState(GatewayState.FAILED);
            return new SendResult.Failed(authError(reply), false);
        }
        if (status == 429 || status >= 500) {
            return new SendResult.Failed(new GatewayError("HTTP " + status,
                    UserMessage.of("http.error.busy", provider.name(), status)), true);
        }
        GatewayError error = provider.refused(reply);
        GatewayError cleaned = new GatewayError(clean(error.code()), cleanMessage(error.message()));
        LOG.info("{}: {} refused: {} {}", name(), sms.id(), cleaned.code(), cleaned.message().args());
        if (provider.refusedAsOptedOut(reply)) {
            reportOptOut(sms.recipientE164(), provider.name() + " " + cleaned.code(), clock.instant());
        }
        return new SendResult.Failed(cleaned, false);
    }

    private GatewayError authError(Reply reply) {
        return new GatewayError("HTTP " + reply.status(), UserMessage.of("http.error.auth", provider.name(), reply.status()));
    }

    @Override
    public GatewayState state() {
        return state;
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
        pollStatuses();
        pollOptOuts();
        if (listener.storesInbound()) {
            pollInbound();
        }
    }

    private void pollStatuses() {
        Instant now = clock.instant();
        List<Map.Entry<String, Tracked>> due = tracked.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.sentAt().compareTo(b.sentAt())))
                .limit(POLLS_PER_COLLECTION).toList();
        for (Map.Entry<String, Tracked> e : due) {
            if (e.getValue().sentAt().plus(TRACK_FOR).isBefore(now)) {
                tracked.remove(e.getKey());
                continue;
            }
            Optional<Call> call = provider.status(e.getKey());
            if (call.isEmpty()) {
                tracked.remove(e.getKey());
                continue;
            }
            Optional<Reply> reply = poll(call.get());
            if (reply.isEmpty()) {
                return; // the provider is not answering: the rest waits for the next collection
            }
            Optional<DeliveryReport.Outcome> outcome = provider.outcome(reply.get());
            if (outcome.isPresent() && outcome.get() != DeliveryReport.Outcome.PENDING) {
                listener.onDeliveryReport(new DeliveryReport(e.getKey(), e.getValue().recipient(), outcome.get(),
                        clock.instant()));
                tracked.remove(e.getKey());
            }
        }
    }

    private void pollOptOuts() {
        Optional<Call> list = provider.optOutList();
        if (list.isEmpty()) {
            return;
        }
        Optional<Reply> reply = poll(list.get());
        if (reply.isEmpty()) {
            return;
        }
        for (String number : provider.optOuts(reply.get())) {
            if (optOutsReported.contains(number)) {
                continue;
            }
            Instant at = clock.instant();
            String evidence = provider.name() + " opt-out list";
            Optional<Call> detail = provider.optOut(number);
            if (detail.isPresent()) {
                Optional<Reply> d = poll(detail.get());
                Optional<Instant> when = d.flatMap(r -> Providers.instantField(r, "dateCreation"));
                if (when.isPresent()) {
                    at = when.get();
                    evidence += ", " + when.get();
                }
            }
            reportOptOut(number, evidence, at);
        }
    }

    private void reportOptOut(String number, String evidence, Instant at) {
        try {
            listener.onOptOut(number, evidence, at);
            optOutsReported.add(number);
        } catch (RuntimeException e) {
            // not stored: offered again at the next collection
            LOG.warn("{}: opt-out of a number not stored, offered again later: {}", name(), clean(e.toString()));
        }
    }

    private void pollInbound() {
        Optional<Call> list = provider.inboundList();
        if (list.isEmpty()) {
            return;
        }
        Optional<Reply> reply = poll(list.get());
        if (reply.isEmpty()) {
            return;
        }
        for (String id : provider.inboundIds(reply.get())) {
            Optional<InboundSms> sms = provider.inbound(id).flatMap(this::poll).flatMap(provider::inboundMessage);
            if (sms.isEmpty()) {
                continue;
            }
            try {
                listener.onInbound(sms.get());
            } catch (RuntimeException e) {
                LOG.warn("{}: received message {} not stored, kept at the provider: {}", name(), id, clean(e.toString()));
                return;
            }
            provider.acknowledge(id).ifPresent(this::poll); // only once stored (DESIGN invariant 9)
        }
    }

    /** A 2xx answer to a poll, or empty (logged) for anything else. */
    private Optional<Reply> poll(Call call) {
        Exchange ex = exchange(call, false);
        if (ex instanceof Answered a && a.reply().ok()) {
            return Optional.of(a.reply());
        }
        String why = ex instanceof Answered a ? "HTTP " + a.reply().status()
                : ex instanceof NotSent n ? n.why() : ((MaybeSent) ex).why();
        LOG.info("{}: {} {} not answered: {}", name(), call.method(), clean(call.uri().getPath()), why);
        return Optional.empty();
    }

    /**
     * Asks the provider about {@code sms} by its client reference (Android gateway: its id; OVHcloud: its tag).
     * Empty when the provider keeps no client reference (Twilio) or could not be asked. Blocks.
     */
    @Override
    public Optional<SendResult> lookUp(OutgoingSms sms) {
        Optional<Call> call = provider.lookUp(sms);
        if (call.isEmpty() || closed) {
            return Optional.empty();
        }
        Exchange ex = exchange(call.get(), false);
        if (!(ex instanceof Answered a) || a.reply().status() == 401 || a.reply().status() == 403
                || a.reply().status() >= 500) {
            return Optional.empty();
        }
        Optional<SendResult> found = provider.lookedUp(a.reply(), sms);
        found.ifPresent(r -> {
            if (r instanceof SendResult.Sent sent) {
                sent.partReferences().forEach(ref -> tracked.put(ref, new Tracked(sms.recipientE164(), clock.instant())));
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
        Exchange ex = exchange(call.get(), false, 1);
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

    /**
     * The result of "Tester".
     *
     * @param checked false when the provider has no account call (a generic template): nothing was asked
     * @param credit  the remaining credit as the provider states it, when it does
     */
    public record AccountCheck(String provider, boolean checked, Optional<String> credit) {
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
        httpThreads.shutdownNow();
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

    // Exchanges

    /** For the providers' own bookkeeping (OVH's server time): one attempt, no pacing, no retry. */
    private Optional<Reply> unpacedExchange(Call call) {
        try {
            return Optional.of(attempt(call));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * One request with its retries: paced; again after back-off on 5xx or a connection refused, after the
     * provider's Retry-After on 429. For a send, anything that may have reached the provider ends it as
     * {@link MaybeSent} (a 504 too: the provider's own gateway gave up waiting, maybe after accepting it).
     */
    private Exchange exchange(Call call, boolean isSend) {
        return exchange(call, isSend, config.maxAttempts());
    }

    private Exchange exchange(Call call, boolean isSend, int attempts) {
        Exchange last = new NotSent("no attempt");
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                pacer.acquire();
                Reply reply = attempt(call);
                boolean more = attempt < attempts;
                if (reply.status() == 429) {
                    Duration wait = retryAfter(reply, attempt);
                    if (!more || wait.compareTo(config.maxRetryAfter()) > 0) {
                        return new Answered(reply);
                    }
                    LOG.info("{}: 429, waiting {} s as asked", name(), wait.toSeconds());
                    pacer.holdUntil(clock.instant().plus(wait));
                    last = new Answered(reply);
                    continue;
                }
                if (isSend && reply.status() == 504) {
                    return new MaybeSent("HTTP 504: the provider's gateway timed out; the message may have left");
                }
                if (reply.status() >= 500 && more) {
                    LOG.info("{}: HTTP {}, trying again", name(), reply.status());
                    delay.await(backoff(attempt));
                    last = new Answered(reply);
                    continue;
                }
                return new Answered(reply);
            } catch (HttpConnectTimeoutException | ConnectException e) {
                last = new NotSent(call.uri().getHost() + (call.uri().getPort() < 0 ? "" : ":" + call.uri().getPort()));
                LOG.info("{}: no connection to {} ({}), attempt {}", name(), ((NotSent) last).why(),
                        e.getClass().getSimpleName(), attempt);
                if (attempt < attempts) {
                    try {
                        delay.await(backoff(attempt));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return last;
                    }
                }
            } catch (HttpTimeoutException e) {
                return isSend ? new MaybeSent("no answer within " + config.requestTimeout().toSeconds()
                        + " s after the request left: the message may have been accepted")
                        : new NotSent("no answer within " + config.requestTimeout().toSeconds() + " s");
            } catch (IOException e) {
                String why = "connection lost after the request left (" + clean(e.getClass().getSimpleName()) + ")";
                return isSend ? new MaybeSent(why + ": the message may have been accepted") : new NotSent(why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return isSend ? new MaybeSent("interrupted while the request was under way") : new NotSent("interrupted");
            }
        }
        return last;
    }

    private Reply attempt(Call call) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(config.requestTimeout());
        call.headers().forEach(b::header);
        provider.authorize(call).forEach(b::header);
        b.method(call.method(), call.body().isEmpty() && !"POST".equals(call.method()) && !"PUT".equals(call.method())
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers(), r.body() == null ? "" : r.body());
    }

    private Duration backoff(int attempt) {
        long ms = config.backoffMin().toMillis() << Math.min(20, attempt - 1);
        return Duration.ofMillis(Math.min(ms, config.backoffMax().toMillis()));
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3); the back-off when absent or unreadable. */
    private Duration retryAfter(Reply reply, int attempt) {
        Optional<String> v = reply.header("Retry-After").map(String::strip);
        if (v.isPresent()) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v.get())));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = java.time.ZonedDateTime.parse(v.get(),
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration d = Duration.between(clock.instant(), at);
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (java.time.format.DateTimeParseException unreadable) {
                    // fall through to the back-off
                }
            }
        }
        return backoff(attempt);
    }

    private String clean(String s) {
        return redactor.clean(s);
    }

    private UserMessage cleanMessage(UserMessage m) {
        return new UserMessage(m.key(), m.args().stream().map(a -> a instanceof String s ? (Object) clean(s) : a).toList());
    }
}

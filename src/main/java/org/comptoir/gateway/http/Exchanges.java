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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a provider's requests (a {@link org.comptoir.i18n.ComptoirException} when the settings lack what a request
 * needs, before anything is sent): paced, authenticated at each attempt, tried again after back-off on 5xx or a
 * connection refused and after Retry-After on 429, and sorted by what they came to ({@link Exchange}). Owns the
 * HTTP client and its named threads ({@code http-<provider>-N}). Thread-safe.
 */
final class Exchanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    /** What one request came to, after its retries. */
    sealed interface Exchange {
    }

    record Answered(Reply reply) implements Exchange {
    }

    /** Nothing left: the connection was refused or never made. */
    record NotSent(String why) implements Exchange {
    }

    /** The request may have reached the provider: never repeated by itself. */
    record MaybeSent(String why) implements Exchange {
    }

    private final HttpConfig config;
    private final Provider provider;
    private final Clock clock;
    private final Delay delay;
    private final Pacer pacer;
    private final Redactor redactor;
    private final String name;
    private final ExecutorService httpThreads;
    private final HttpClient client;

    Exchanges(HttpConfig config, Provider provider, Clock clock, Delay delay, Redactor redactor) {
        this.config = config;
        this.provider = provider;
        this.clock = clock;
        this.delay = delay;
        this.redactor = redactor;
        this.name = "http " + provider.name();
        this.pacer = new Pacer(config.ratePerSecond() > 0 ? config.ratePerSecond() : provider.defaultRate(), clock, delay);
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

    /** A 2xx answer to a poll, or empty (logged) for anything else. */
    Optional<Reply> poll(Call call) {
        Exchange ex;
        try {
            ex = exchange(call, false);
        } catch (org.comptoir.i18n.ComptoirException incomplete) {
            LOG.info("{}: not polled, settings incomplete ({})", name, incomplete.userMessage().key());
            return Optional.empty();
        }
        if (ex instanceof Answered a && a.reply().ok()) {
            return Optional.of(a.reply());
        }
        String why = ex instanceof Answered a ? "HTTP " + a.reply().status()
                : ex instanceof NotSent n ? n.why() : ((MaybeSent) ex).why();
        LOG.info("{}: {} {} not answered: {}", name, call.method(), redactor.clean(call.uri().getPath()), why);
        return Optional.empty();
    }

    /** For the providers' own bookkeeping (OVH's server time): one attempt, no pacing, no retry. */
    Optional<Reply> unpaced(Call call) {
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
    Exchange exchange(Call call, boolean isSend) {
        return exchange(call, isSend, config.maxAttempts());
    }

    Exchange exchange(Call call, boolean isSend, int attempts) {
        return exchange(call, isSend, attempts, 1);
    }

    /**
     * As {@link #exchange(Call, boolean, int)} for a request carrying {@code messages} messages (a batch): each
     * attempt takes that many slots of the pace.
     */
    Exchange exchange(Call call, boolean isSend, int attempts, int messages) {
        Exchange last = new NotSent("no attempt");
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                pacer.acquire(messages);
                Reply reply = attempt(call);
                boolean more = attempt < attempts;
                if (reply.status() == 429) {
                    Duration wait = retryAfter(reply, attempt);
                    if (!more || wait.compareTo(config.maxRetryAfter()) > 0) {
                        return new Answered(reply);
                    }
                    LOG.info("{}: 429, waiting {} s as asked", name, wait.toSeconds());
                    pacer.holdUntil(clock.instant().plus(wait));
                    last = new Answered(reply);
                    continue;
                }
                if (isSend && reply.status() == 504) {
                    return new MaybeSent("HTTP 504: the provider's gateway timed out; the message may have left");
                }
                if (reply.status() >= 500 && more) {
                    LOG.info("{}: HTTP {}, trying again", name, reply.status());
                    delay.await(backoff(attempt));
                    last = new Answered(reply);
                    continue;
                }
                return new Answered(reply);
            } catch (HttpConnectTimeoutException | ConnectException e) {
                last = new NotSent(call.uri().getHost() + (call.uri().getPort() < 0 ? "" : ":" + call.uri().getPort()));
                LOG.info("{}: no connection to {} ({}), attempt {}", name, ((NotSent) last).why(),
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
                String why = "connection lost after the request left (" + redactor.clean(e.getClass().getSimpleName()) + ")";
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
                    Instant at = ZonedDateTime.parse(v.get(),
                            DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration d = Duration.between(clock.instant(), at);
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (DateTimeParseException unreadable) {
                    // fall through to the back-off
                }
            }
        }
        return backoff(attempt);
    }

    @Override
    public void close() {
        httpThreads.shutdownNow();
    }
}

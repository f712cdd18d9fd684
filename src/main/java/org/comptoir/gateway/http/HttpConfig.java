package org.comptoir.gateway.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything an {@link HttpGateway} needs, as plain values: whoever builds the gateway (the sending engine, the
 * command line, the settings screen) reads them from the settings, so this package knows nothing of the store.
 *
 * @param provider       {@code twilio}, {@code ovh}, {@code android} or {@code generic}
 * @param baseUrl        overrides the provider's address (the phone's LAN address, a private gateway, a local test
 *                       server); empty: the provider's own
 * @param fields         the provider's own fields by name ({@link #TWILIO_ACCOUNT_SID}...), credentials included
 * @param ratePerSecond  most requests per second; {@code 0}: the provider's documented default
 * @param concurrency    most requests in flight at once
 * @param maxAttempts    tries of one request on 429, 5xx or a connection refused before anything was sent
 * @param requestTimeout how long to wait for an answer once the request left; past it the fate is unknown
 * @param reconnectAfter first wait before asking an unreachable provider again (doubling up to ten minutes)
 */
public record HttpConfig(String provider, String baseUrl, Map<String, String> fields, double ratePerSecond,
                         int concurrency, int maxAttempts, Duration connectTimeout, Duration requestTimeout,
                         Duration backoffMin, Duration backoffMax, Duration maxRetryAfter, Duration reconnectAfter) {

    public static final String TWILIO_ACCOUNT_SID = "accountSid";
    public static final String TWILIO_AUTH_TOKEN = "authToken";
    /** a Twilio number in E.164, an alphanumeric sender, or a Messaging Service SID ({@code MG...}) */
    public static final String TWILIO_FROM = "from";

    public static final String OVH_APPLICATION_KEY = "applicationKey";
    public static final String OVH_APPLICATION_SECRET = "applicationSecret";
    public static final String OVH_CONSUMER_KEY = "consumerKey";
    public static final String OVH_SERVICE_NAME = "serviceName";
    /** most receivers in one job, 1 to 50 (absent: 50) */
    public static final String OVH_BATCH = "batch";

    public static final String ANDROID_USERNAME = "username";
    public static final String ANDROID_PASSWORD = "password";

    public static final String GENERIC_URL = "url";
    public static final String GENERIC_METHOD = "method";
    /** one {@code Name: value} per line; {@code {secret}} stands for the secret field */
    public static final String GENERIC_HEADERS = "headers";
    public static final String GENERIC_BODY = "body";
    public static final String GENERIC_SECRET = "secret";
    public static final String GENERIC_ID_POINTER = "idPointer";
    public static final String GENERIC_SUCCESS_POINTER = "successPointer";
    public static final String GENERIC_SUCCESS_VALUE = "successValue";
    public static final String GENERIC_STATUS_URL = "statusUrl";
    public static final String GENERIC_STATUS_POINTER = "statusPointer";
    public static final String GENERIC_DELIVERED_VALUES = "deliveredValues";
    public static final String GENERIC_FAILED_VALUES = "failedValues";

    /** Fields never printed, logged or put in a message. */
    public static final Set<String> SECRET_FIELDS = Set.of(TWILIO_AUTH_TOKEN, OVH_APPLICATION_SECRET,
            OVH_CONSUMER_KEY, ANDROID_PASSWORD, GENERIC_SECRET);

    public HttpConfig {
        Objects.requireNonNull(provider, "provider");
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        fields = Map.copyOf(new LinkedHashMap<>(fields));
        if (concurrency < 1 || maxAttempts < 1 || ratePerSecond < 0) {
            throw new IllegalArgumentException("concurrency and attempts at least 1, rate not negative");
        }
    }

    /**
     * Production timings: 10 s to connect, 30 s for an answer, back-off from 1 s to 60 s, Retry-After up to 5 min,
     * an unreachable provider asked again after 30 s.
     */
    public static HttpConfig of(String provider, String baseUrl, Map<String, String> fields, double ratePerSecond,
                                int concurrency) {
        return new HttpConfig(provider, baseUrl, fields, ratePerSecond, concurrency, 4, Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5),
                Duration.ofSeconds(30));
    }

    public HttpConfig withTimeouts(Duration connect, Duration request) {
        return new HttpConfig(provider, baseUrl, fields, ratePerSecond, concurrency, maxAttempts, connect, request,
                backoffMin, backoffMax, maxRetryAfter, reconnectAfter);
    }

    public HttpConfig withReconnectAfter(Duration first) {
        return new HttpConfig(provider, baseUrl, fields, ratePerSecond, concurrency, maxAttempts, connectTimeout,
                requestTimeout, backoffMin, backoffMax, maxRetryAfter, first);
    }

    /** A field's value, empty when absent. */
    public String field(String name) {
        return fields.getOrDefault(name, "").strip();
    }

    /** Secrets masked: a config may end up in a log line or an exception. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        fields.forEach((k, v) -> shown.put(k, SECRET_FIELDS.contains(k) && !v.isEmpty() ? "***" : v));
        return "HttpConfig[provider=" + provider + ", baseUrl=" + baseUrl + ", fields=" + shown + ", rate="
                + ratePerSecond + ", concurrency=" + concurrency + "]";
    }
}

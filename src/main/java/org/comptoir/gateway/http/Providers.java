package org.comptoir.gateway.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.comptoir.gateway.GatewayError;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/** Picks the provider a configuration names, and the small helpers they share. */
final class Providers {

    /** The names {@code http.provider} accepts, in the order the settings screen lists them. */
    static final java.util.List<String> NAMES = java.util.List.of("ovh", "twilio", "android", "generic");

    private Providers() {
    }

    static Provider create(HttpConfig config, Clock clock, Function<Call, Optional<Reply>> raw) {
        return switch (config.provider()) {
            case "twilio" -> new TwilioProvider(config, clock);
            case "ovh" -> new OvhProvider(config, clock, raw);
            case "android" -> new AndroidProvider(config);
            case "generic" -> new GenericProvider(config);
            default -> throw new ComptoirException(UserMessage.of("http.error.provider", config.provider(),
                    String.join(", ", NAMES)));
        };
    }

    /** {@code base} (the setting, else the provider's own address) without a trailing slash. */
    static String base(HttpConfig config, String defaultBase) {
        String b = config.baseUrl().isEmpty() ? defaultBase : config.baseUrl();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b;
    }

    static URI uri(String text) {
        try {
            URI u = URI.create(text);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new IllegalArgumentException(text);
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ComptoirException(UserMessage.of("http.error.url", text), e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Throws the "settings incomplete" message when {@code value} is blank. */
    static String required(HttpConfig config, String field) {
        String v = config.field(field);
        if (v.isEmpty()) {
            throw new ComptoirException(UserMessage.of("http.error.missing", config.provider(), field));
        }
        return v;
    }

    /** An ISO-8601 date field of a JSON answer (OVH's {@code dateCreation}, {@code creationDatetime}). */
    static Optional<Instant> instantField(Reply reply, String field) {
        return Json.parse(reply.body()).map(n -> Json.text(n, field)).filter(s -> !s.isEmpty()).flatMap(s -> {
            try {
                return Optional.of(OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A refusal in the provider's JSON ({@code message}, and its own code in {@code codeField} where it has one), or
     * {@link #page} when the body is not that.
     */
    static GatewayError refusal(String provider, Reply reply, String codeField) {
        Optional<com.fasterxml.jackson.databind.JsonNode> json = Json.parse(reply.body()).filter(n -> n.has("message"));
        if (json.isEmpty()) {
            return page(provider, reply);
        }
        String code = codeField.isEmpty() ? "" : Json.text(json.get(), codeField);
        return new GatewayError("HTTP " + reply.status() + (code.isEmpty() ? "" : " " + code),
                UserMessage.of("http.error.refused", provider, Json.text(json.get(), "message"),
                        code.isEmpty() ? String.valueOf(reply.status()) : code));
    }

    /** A client reference a provider keeps: {@code id} itself when short and plain, else a stable digest of it. */
    static String shortId(String id, int max) {
        if (id.length() <= max && id.matches("[A-Za-z0-9_-]+")) {
            return id;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, max);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A refusal whose body is not the provider's JSON (an HTML page from a proxy, an empty body): the status and
     * the start of the page, in words.
     */
    static GatewayError page(String provider, Reply reply) {
        String snippet = Json.snippet(reply.body());
        return new GatewayError("HTTP " + reply.status(), snippet.isEmpty()
                ? UserMessage.of("http.error.empty", provider, reply.status())
                : UserMessage.of("http.error.page", provider, reply.status(), snippet));
    }
}

package org.comptoir.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * Any provider with a plain HTTP API, described by a template: the URL and body with {@code {to}}, {@code {text}},
 * {@code {sender}} and {@code {id}} (URL-encoded in the URL; JSON-escaped in a JSON body, form-encoded otherwise),
 * headers with {@code {secret}} for the one credential (kept sealed like the others), success read from a JSON
 * pointer and value, the message id from a JSON pointer (none: Comptoir's own id is the reference), and an optional
 * status URL ({@code {id}}) whose JSON pointer names the delivered and failed values.
 */
final class GenericProvider implements Provider {

    static final double DEFAULT_RATE = 1.0;

    private final HttpConfig config;

    GenericProvider(HttpConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public double defaultRate() {
        return DEFAULT_RATE;
    }

    @Override
    public Map<String, String> authorize(Call call) {
        return Map.of(); // the template's own headers carry {secret}
    }

    @Override
    public List<String> secrets() {
        return List.of(config.field(HttpConfig.GENERIC_SECRET));
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : config.field(HttpConfig.GENERIC_HEADERS).split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                h.put(line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip().replace("{secret}", config.field(HttpConfig.GENERIC_SECRET)));
            }
        }
        return h;
    }

    private static String fill(String template, OutgoingSms sms, UnaryOperator<String> escape) {
        return template.replace("{to}", escape.apply(sms.recipientE164()))
                .replace("{text}", escape.apply(sms.text()))
                .replace("{sender}", escape.apply(sms.sender()))
                .replace("{id}", escape.apply(sms.id()));
    }

    /** The inside of a JSON string: Jackson writes it, the quotes are the template's. */
    private static String jsonEscape(String s) {
        String quoted = Json.write(Json.MAPPER.getNodeFactory().textNode(s));
        return quoted.substring(1, quoted.length() - 1);
    }

    @Override
    public Call send(OutgoingSms sms) {
        String url = fill(Providers.required(config, HttpConfig.GENERIC_URL), sms, Providers::enc);
        String method = config.field(HttpConfig.GENERIC_METHOD).isEmpty() ? "POST"
                : config.field(HttpConfig.GENERIC_METHOD).toUpperCase(Locale.ROOT);
        Map<String, String> headers = headers();
        String type = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        String body = config.field(HttpConfig.GENERIC_BODY);
        if (!body.isEmpty()) {
            body = fill(body, sms, type.toLowerCase(Locale.ROOT).contains("json") ? GenericProvider::jsonEscape
                    : Providers::enc);
            if (type.isEmpty()) {
                headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            }
        }
        return new Call(method, Providers.uri(url), headers, body);
    }

    @Override
    public SendResult sent(Reply reply, OutgoingSms sms) {
        String successPointer = config.field(HttpConfig.GENERIC_SUCCESS_POINTER);
        String idPointer = config.field(HttpConfig.GENERIC_ID_POINTER);
        if (successPointer.isEmpty() && idPointer.isEmpty()) {
            return new SendResult.Sent(List.of(sms.id()), 0); // a 2xx is all this provider says
        }
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            return new SendResult.Unknown("generic provider answered HTTP " + reply.status() + " without JSON: "
                    + Json.snippet(reply.body()));
        }
        if (!successPointer.isEmpty()) {
            JsonNode v = at(json.get(), successPointer);
            if (v.isMissingNode()) {
                return new SendResult.Unknown("generic provider's answer has nothing at " + successPointer + ": "
                        + Json.snippet(reply.body()));
            }
            if (!v.asText().equals(config.field(HttpConfig.GENERIC_SUCCESS_VALUE))) {
                return new SendResult.Failed(new GatewayError("GENERIC " + v.asText(), UserMessage.of(
                        "http.error.refused", name(), Json.snippet(reply.body()), v.asText())), false);
            }
        }
        if (idPointer.isEmpty()) {
            return new SendResult.Sent(List.of(sms.id()), 0);
        }
        JsonNode id = at(json.get(), idPointer);
        if (id.isMissingNode() || id.isNull() || id.asText().isEmpty()) {
            return new SendResult.Unknown("generic provider's answer has no id at " + idPointer + ": "
                    + Json.snippet(reply.body()));
        }
        return new SendResult.Sent(List.of(id.asText()), 0);
    }

    private static JsonNode at(JsonNode node, String pointer) {
        try {
            return node.at(pointer);
        } catch (IllegalArgumentException e) {
            throw new ComptoirException(UserMessage.of("http.error.pointer", pointer), e);
        }
    }

    @Override
    public GatewayError refused(Reply reply) {
        return Providers.page(name(), reply);
    }

    @Override
    public Optional<Call> status(String reference) {
        String url = config.field(HttpConfig.GENERIC_STATUS_URL);
        if (url.isEmpty() || config.field(HttpConfig.GENERIC_STATUS_POINTER).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> headers = headers();
        headers.remove("Content-Type");
        headers.putIfAbsent("Accept", "application/json");
        return Optional.of(new Call("GET", Providers.uri(url.replace("{id}", Providers.enc(reference))), headers, ""));
    }

    /** The status value the template points at, as the provider wrote it. */
    @Override
    public String statusText(Reply reply) {
        return Json.parse(reply.body()).map(n -> at(n, config.field(HttpConfig.GENERIC_STATUS_POINTER)))
                .filter(v -> !v.isMissingNode()).map(v -> "generic status " + v.asText()).orElse(null);
    }

    @Override
    public Optional<DeliveryReport.Outcome> outcome(Reply reply) {
        Optional<JsonNode> json = Json.parse(reply.body());
        if (json.isEmpty()) {
            return Optional.empty();
        }
        JsonNode v = at(json.get(), config.field(HttpConfig.GENERIC_STATUS_POINTER));
        if (v.isMissingNode()) {
            return Optional.empty();
        }
        String value = v.asText();
        if (values(HttpConfig.GENERIC_DELIVERED_VALUES).contains(value)) {
            return Optional.of(DeliveryReport.Outcome.DELIVERED);
        }
        return Optional.of(values(HttpConfig.GENERIC_FAILED_VALUES).contains(value)
                ? DeliveryReport.Outcome.FAILED : DeliveryReport.Outcome.PENDING);
    }

    private Set<String> values(String field) {
        List<String> out = new ArrayList<>();
        for (String v : config.field(field).split(",")) {
            if (!v.isBlank()) {
                out.add(v.strip());
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public Optional<Call> account() {
        return Optional.empty();
    }

    @Override
    public Optional<String> credit(Reply reply) {
        return Optional.empty();
    }
}

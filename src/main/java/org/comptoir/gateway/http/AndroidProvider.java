package org.comptoir.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.i18n.UserMessage;

/**
 * SMS Gateway for Android, local server mode (REFERENCE.md §5.6): an Android phone on the shop's network sends
 * through its own SIM. {@code POST /message} with HTTP Basic (the credentials the app shows), the message id chosen
 * by Comptoir ({@code id}: the outbox id, so a message is found again by it), {@code phoneNumbers},
 * {@code textMessage.text} (the phone splits and encodes it), {@code withDeliveryReport}, {@code validUntil}.
 * {@code GET /message/{id}} gives its state: Pending, Processed, Sent, Delivered or Failed. The phone has no
 * balance: "Tester" asks for a message that does not exist, which a phone answers 404 when the credentials are
 * right and 401 when they are not.
 */
final class AndroidProvider implements Provider {

    /** Android's SmsUsageMonitor lets an app send 30 SMS per 60 s before asking the user: 0.5 per second. */
    static final double DEFAULT_RATE = 0.5;
    private static final String PROBE_ID = "comptoir-credentials-check";

    private final HttpConfig config;
    private final String base;

    AndroidProvider(HttpConfig config) {
        this.config = config;
        this.base = Providers.base(config, "");
    }

    @Override
    public String name() {
        return "android";
    }

    @Override
    public double defaultRate() {
        return DEFAULT_RATE;
    }

    @Override
    public Map<String, String> authorize(Call call) {
        return Map.of("Authorization", "Basic " + Redactor.basic(config.field(HttpConfig.ANDROID_USERNAME),
                config.field(HttpConfig.ANDROID_PASSWORD)));
    }

    @Override
    public List<String> secrets() {
        return List.of(config.field(HttpConfig.ANDROID_PASSWORD), Redactor.basic(
                config.field(HttpConfig.ANDROID_USERNAME), config.field(HttpConfig.ANDROID_PASSWORD)));
    }

    private String base() {
        if (base.isEmpty()) {
            throw new org.comptoir.i18n.ComptoirException(UserMessage.of("http.error.android.address"));
        }
        return base;
    }

    /** The id the phone keeps: the outbox id when it is short and plain, else a digest of it. */
    static String messageId(String id) {
        return Providers.shortId(id, 36);
    }

    @Override
    public Call send(OutgoingSms sms) {
        Providers.required(config, HttpConfig.ANDROID_USERNAME);
        Providers.required(config, HttpConfig.ANDROID_PASSWORD);
        ObjectNode body = Json.object();
        body.put("id", messageId(sms.id()));
        body.putObject("textMessage").put("text", sms.text());
        body.putArray("phoneNumbers").add(sms.recipientE164());
        body.put("withDeliveryReport", sms.requestStatusReport());
        if (sms.validUntil() != null) {
            body.put("validUntil", sms.validUntil().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return Call.json("POST", Providers.uri(base() + "/message"), Json.write(body));
    }

    @Override
    public SendResult sent(Reply reply, OutgoingSms sms) {
        Optional<JsonNode> json = Json.parse(reply.body()).filter(n -> n.has("id"));
        if (json.isEmpty()) {
            return new SendResult.Unknown("android answered HTTP " + reply.status() + " without the message id: "
                    + Json.snippet(reply.body()));
        }
        return new SendResult.Sent(List.of(Json.text(json.get(), "id")), 0);
    }

    @Override
    public GatewayError refused(Reply reply) {
        return Providers.refusal(name(), reply, "");
    }

    @Override
    public Optional<Call> status(String reference) {
        return Optional.of(Call.get(Providers.uri(base() + "/message/" + Providers.enc(reference))));
    }

    @Override
    public Optional<DeliveryReport.Outcome> outcome(Reply reply) {
        return Json.parse(reply.body()).filter(n -> n.has("state")).map(n -> switch (Json.text(n, "state")) {
            case "Delivered" -> DeliveryReport.Outcome.DELIVERED;
            case "Failed" -> DeliveryReport.Outcome.FAILED;
            default -> DeliveryReport.Outcome.PENDING;
        });
    }

    /** The state, and the error the phone gives for a recipient ({@code recipients[].error}) where it gives one. */
    @Override
    public String statusText(Reply reply) {
        return Json.parse(reply.body()).filter(n -> n.has("state")).map(n -> {
            StringBuilder words = new StringBuilder("android ").append(Json.text(n, "state"));
            n.path("recipients").forEach(r -> {
                String error = Json.text(r, "error");
                if (!error.isEmpty()) {
                    words.append(", ").append(Json.text(r, "phoneNumber")).append(": ").append(error);
                }
            });
            return words.toString();
        }).orElse(null);
    }

    @Override
    public Optional<Call> lookUp(OutgoingSms sms) {
        return Optional.of(Call.get(Providers.uri(base() + "/message/" + Providers.enc(messageId(sms.id())))));
    }

    /**
     * 404: the phone never received it, so sending it again cannot make a second copy. Found and Failed: the
     * phone tried and the network refused. Otherwise it is on its way.
     */
    @Override
    public Optional<SendResult> lookedUp(Reply reply, OutgoingSms sms) {
        if (reply.status() == 404) {
            return Optional.of(new SendResult.Failed(new GatewayError("NOT FOUND",
                    UserMessage.of("http.error.never.received", name())), true));
        }
        Optional<JsonNode> json = Json.parse(reply.body()).filter(n -> n.has("state"));
        if (!reply.ok() || json.isEmpty()) {
            return Optional.empty();
        }
        if ("Failed".equals(Json.text(json.get(), "state"))) {
            return Optional.of(new SendResult.Failed(new GatewayError("ANDROID Failed",
                    UserMessage.of("http.error.phone.failed", name())), false));
        }
        return Optional.of(new SendResult.Sent(List.of(Json.text(json.get(), "id")), 0));
    }

    @Override
    public Optional<Call> account() {
        return Optional.of(Call.get(Providers.uri(base() + "/message/" + PROBE_ID)));
    }

    @Override
    public boolean accountAccepted(Reply reply) {
        return reply.ok() || reply.status() == 404;
    }

    @Override
    public Optional<String> credit(Reply reply) {
        return Optional.empty();
    }
}

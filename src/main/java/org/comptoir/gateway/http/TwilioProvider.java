package org.comptoir.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;

/**
 * Twilio Programmable Messaging (REFERENCE.md §5.1): {@code POST /2010-04-01/Accounts/{Sid}/Messages.json},
 * form-encoded, HTTP Basic with the Account SID and Auth Token; one Message resource ({@code sid},
 * {@code num_segments}) per message; statuses polled with {@code GET …/Messages/{Sid}.json}; the balance with
 * {@code GET …/Balance.json}. Twilio chooses GSM-7 or UCS-2 itself from the text; {@code SmartEncoded} (which would
 * replace accented characters) is never asked for. It takes no client reference, so a message whose fate is unknown
 * cannot be looked up. A STOP to a Twilio number is intercepted by Twilio: the next send to that number is refused
 * with 21610, which the gateway reports as an opt-out. Replies to the shop's Twilio number are read from
 * {@code GET …/Messages.json?To=} and deleted from Twilio's log once stored.
 */
final class TwilioProvider implements Provider {

    static final String DEFAULT_BASE = "https://api.twilio.com";
    /** Twilio's documented default for one long code: one message segment per second. */
    static final double DEFAULT_RATE = 1.0;
    /** ValidityPeriod: at most 36,000 s (10 h). */
    private static final long MAX_VALIDITY_SECONDS = 36_000;
    static final int UNSUBSCRIBED = 21610;
    /**
     * The replies Twilio's default opt-out handling intercepts on a long code and answers itself with its own
     * confirmation, blocking later sends until START (Twilio: "Customize users' opt-in and opt-out experience with
     * Advanced Opt-Out", and its Proxy "Opt-out keywords" page): a whole message that is one of these words, in any
     * case. French words (ARRET, ARRÊT) are not among them: Twilio does not answer those.
     */
    static final java.util.Set<String> OPT_OUT_KEYWORDS = java.util.Set.of("STOP", "UNSUBSCRIBE", "END", "QUIT",
            "STOPALL", "REVOKE", "OPTOUT", "CANCEL");

    /** Whether Twilio itself answered {@code text} with its opt-out confirmation. */
    static boolean confirmsOptOut(String text) {
        return OPT_OUT_KEYWORDS.contains(text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    private final String base;
    private final String sid;
    private final String token;
    private final HttpConfig config;
    private final java.time.Clock clock;

    TwilioProvider(HttpConfig config, java.time.Clock clock) {
        this.config = config;
        this.base = Providers.base(config, DEFAULT_BASE);
        this.sid = config.field(HttpConfig.TWILIO_ACCOUNT_SID);
        this.token = config.field(HttpConfig.TWILIO_AUTH_TOKEN);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public double defaultRate() {
        return DEFAULT_RATE;
    }

    @Override
    public Map<String, String> authorize(Call call) {
        return Map.of("Authorization", "Basic " + Redactor.basic(sid, token));
    }

    @Override
    public List<String> secrets() {
        return List.of(token, Redactor.basic(sid, token));
    }

    private String accountUrl() {
        return base + "/2010-04-01/Accounts/" + Providers.enc(sid);
    }

    @Override
    public Call send(OutgoingSms sms) {
        Providers.required(config, HttpConfig.TWILIO_ACCOUNT_SID);
        Providers.required(config, HttpConfig.TWILIO_AUTH_TOKEN);
        String sender = sms.sender().isEmpty() ? Providers.required(config, HttpConfig.TWILIO_FROM) : sms.sender();
        StringBuilder form = new StringBuilder("To=").append(Providers.enc(sms.recipientE164()));
        form.append(sender.startsWith("MG") && sender.length() == 34 ? "&MessagingServiceSid=" : "&From=")
                .append(Providers.enc(sender));
        form.append("&Body=").append(Providers.enc(sms.text()));
        if (sms.validUntil() != null) {
            long s = Duration.between(clock.instant(), sms.validUntil()).toSeconds();
            form.append("&ValidityPeriod=").append(Math.max(1, Math.min(MAX_VALIDITY_SECONDS, s)));
        }
        return Call.form(Providers.uri(accountUrl() + "/Messages.json"), form.toString());
    }

    @Override
    public SendResult sent(Reply reply, OutgoingSms sms) {
        Optional<JsonNode> json = Json.parse(reply.body());
        String messageSid = json.map(n -> Json.text(n, "sid")).orElse("");
        if (messageSid.isEmpty()) {
            return new SendResult.Unknown("twilio answered HTTP " + reply.status() + " without a message sid: "
                    + Json.snippet(reply.body()));
        }
        int segments = json.map(n -> n.path("num_segments").asInt(0)).orElse(0);
        return new SendResult.Sent(List.of(messageSid), segments);
    }

    @Override
    public GatewayError refused(Reply reply) {
        return Providers.refusal(name(), reply, "code");
    }

    @Override
    public boolean refusedAsOptedOut(Reply reply) {
        return Json.parse(reply.body()).map(n -> n.path("code").asInt(0) == UNSUBSCRIBED).orElse(false);
    }

    @Override
    public Optional<Call> status(String reference) {
        return Optional.of(Call.get(Providers.uri(accountUrl() + "/Messages/" + Providers.enc(reference) + ".json")));
    }

    @Override
    public Optional<DeliveryReport.Outcome> outcome(Reply reply) {
        return Json.parse(reply.body()).map(n -> switch (Json.text(n, "status")) {
            case "delivered", "read" -> DeliveryReport.Outcome.DELIVERED;
            case "undelivered", "failed", "canceled" -> DeliveryReport.Outcome.FAILED;
            default -> DeliveryReport.Outcome.PENDING;
        });
    }

    /**
     * Twilio's delivery errors (its error pages, {@code twilio.com/docs/api/errors/300xx}) in words, for a Message
     * resource whose {@code error_message} is null, as it often is once a carrier reported.
     */
    private static final Map<Integer, String> DELIVERY_ERRORS = Map.of(
            30001, "Queue overflow", 30002, "Account suspended", 30003, "Unreachable destination handset",
            30004, "Message blocked", 30005, "Unknown destination handset", 30006, "Landline or unreachable carrier",
            30007, "Message filtered", 30008, "Unknown error", 30009, "Missing segment",
            30010, "Message price exceeds max price");

    /** {@code status}, and {@code error_code} with {@code error_message} (or Twilio's words for the code) when set. */
    @Override
    public String statusText(Reply reply) {
        return Json.parse(reply.body()).map(n -> {
            String status = Json.text(n, "status");
            int code = n.path("error_code").asInt(0);
            if (code == 0) {
                return status.isEmpty() ? null : "twilio " + status;
            }
            String words = Json.text(n, "error_message");
            if (words.isEmpty()) {
                words = DELIVERY_ERRORS.getOrDefault(code, "");
            }
            return "twilio " + status + ", error " + code + (words.isEmpty() ? "" : ": " + words);
        }).orElse(null);
    }

    /** Replies reach the shop's own Twilio number; an alphanumeric sender or a Messaging Service receives none here. */
    @Override
    public Optional<Call> inboundList() {
        String number = config.field(HttpConfig.TWILIO_FROM);
        if (!number.matches("\\+[1-9][0-9]{5,14}")) {
            return Optional.empty();
        }
        return Optional.of(Call.get(Providers.uri(accountUrl() + "/Messages.json?To=" + Providers.enc(number)
                + "&PageSize=50")));
    }

    /** The received ones among the messages to the shop's number (its own sends to itself are not replies). */
    @Override
    public List<String> inboundIds(Reply reply) {
        List<String> ids = new java.util.ArrayList<>();
        Json.parse(reply.body()).ifPresent(n -> n.path("messages").forEach(m -> {
            if ("inbound".equals(Json.text(m, "direction")) && !Json.text(m, "sid").isEmpty()) {
                ids.add(Json.text(m, "sid"));
            }
        }));
        return ids;
    }

    @Override
    public Optional<Call> inbound(String id) {
        return status(id);
    }

    @Override
    public Optional<org.comptoir.gateway.InboundSms> inboundMessage(Reply reply) {
        return Json.parse(reply.body()).filter(n -> !Json.text(n, "from").isEmpty()).map(n -> {
            java.time.Instant at;
            try {
                at = java.time.ZonedDateTime.parse(Json.text(n, "date_sent"),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                at = clock.instant();
            }
            return new org.comptoir.gateway.InboundSms(Json.text(n, "from"), Json.text(n, "body"), at);
        });
    }

    /** Twilio keeps no "read" mark: a reply is deleted from the account's log once Comptoir stored it. */
    @Override
    public Optional<Call> acknowledge(String id) {
        return Optional.of(Call.delete(Providers.uri(accountUrl() + "/Messages/" + Providers.enc(id) + ".json")));
    }

    @Override
    public Optional<Call> account() {
        return Optional.of(Call.get(Providers.uri(accountUrl() + "/Balance.json")));
    }

    @Override
    public Optional<String> credit(Reply reply) {
        return Json.parse(reply.body()).map(n -> (Json.text(n, "balance") + " " + Json.text(n, "currency")).strip())
                .filter(s -> !s.isEmpty());
    }
}

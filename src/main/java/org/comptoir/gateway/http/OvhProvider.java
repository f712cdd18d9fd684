package org.comptoir.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.i18n.UserMessage;
import org.comptoir.sms.SmsText;

/**
 * OVHcloud SMS (REFERENCE.md §5.5), the French provider: {@code POST /1.0/sms/{serviceName}/jobs} (JSON), each
 * request signed with the application secret and consumer key:
 * {@code X-Ovh-Signature = "$1$" + sha1hex(AS + "+" + CK + "+" + METHOD + "+" + URL + "+" + BODY + "+" + TIMESTAMP)},
 * the timestamp corrected by the server's {@code GET /auth/time} (asked once). The answer's {@code ids} are the
 * references; {@code totalCreditsRemoved} the parts charged.
 *
 * <p>The message carries the shop's own STOP mention (DESIGN invariant 4), so OVH is asked not to add its clause
 * ({@code noStopClause}), and counted texts stay as counted. A text outside GSM-7 goes as {@code coding=8bit}
 * (UCS-2), so accents and emoji arrive as written. The client reference is the {@code tag} (the outbox id, or a
 * 20-character digest of a longer one), looked up with {@code GET /outgoing?tag=}. Statuses come from
 * {@code GET /outgoing/{id}} ({@code deliveryReceipt}: 1 delivered, 2 or 16 failed, as in OVH's status callbacks);
 * opt-outs from the account's {@code /blacklists} (numbers that answered STOP); replies from {@code /incoming},
 * deleted once stored; the credit from {@code GET /sms/{serviceName}} ({@code creditsLeft}).
 */
final class OvhProvider implements Provider {

    static final String DEFAULT_BASE = "https://eu.api.ovh.com/1.0";
    /** OVHcloud documents no sending rate for the API; ten requests a second stays far below its API quotas. */
    static final double DEFAULT_RATE = 10.0;
    private static final int TAG_MAX = 20;

    private final HttpConfig config;
    private final String base;
    private final Clock clock;
    private final Function<Call, Optional<Reply>> raw;
    private volatile Duration serverOffset;

    OvhProvider(HttpConfig config, Clock clock, Function<Call, Optional<Reply>> raw) {
        this.config = config;
        this.base = Providers.base(config, DEFAULT_BASE);
        this.clock = clock;
        this.raw = raw;
    }

    @Override
    public String name() {
        return "ovh";
    }

    @Override
    public double defaultRate() {
        return DEFAULT_RATE;
    }

    @Override
    public List<String> secrets() {
        return List.of(config.field(HttpConfig.OVH_APPLICATION_SECRET), config.field(HttpConfig.OVH_CONSUMER_KEY));
    }

    @Override
    public Map<String, String> authorize(Call call) {
        if (call.uri().getPath().endsWith("/auth/time")) {
            return Map.of(); // the one unauthenticated call, made to sign the others
        }
        String ak = Providers.required(config, HttpConfig.OVH_APPLICATION_KEY);
        String as = Providers.required(config, HttpConfig.OVH_APPLICATION_SECRET);
        String ck = Providers.required(config, HttpConfig.OVH_CONSUMER_KEY);
        String ts = Long.toString(clock.instant().plus(offset()).getEpochSecond());
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Ovh-Application", ak);
        h.put("X-Ovh-Consumer", ck);
        h.put("X-Ovh-Timestamp", ts);
        h.put("X-Ovh-Signature", signature(as, ck, call.method(), call.uri().toString(), call.body(), ts));
        return h;
    }

    /** The signature OVHcloud's API checks (its "first steps" guide; python-ovh computes the same). */
    static String signature(String applicationSecret, String consumerKey, String method, String url, String body,
                            String timestamp) {
        String pre = applicationSecret + "+" + consumerKey + "+" + method + "+" + url + "+" + body + "+" + timestamp;
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(pre.getBytes(StandardCharsets.UTF_8));
            return "$1$" + HexFormat.of().formatHex(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    /** The server clock minus ours, from {@code GET /auth/time} once; zero while it cannot be asked. */
    private Duration offset() {
        Duration o = serverOffset;
        if (o == null) {
            Optional<Reply> r = raw.apply(Call.get(Providers.uri(base + "/auth/time")));
            Optional<Long> server = r.filter(Reply::ok).flatMap(x -> {
                try {
                    return Optional.of(Long.parseLong(x.body().strip()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
            if (server.isEmpty()) {
                return Duration.ZERO;
            }
            o = Duration.ofSeconds(server.get() - clock.instant().getEpochSecond());
            serverOffset = o;
        }
        return o;
    }

    private String service() {
        return base + "/sms/" + Providers.enc(Providers.required(config, HttpConfig.OVH_SERVICE_NAME));
    }

    /** The client reference OVH keeps: the id itself when short enough, else a digest of it. */
    static String tag(String id) {
        return Providers.shortId(id, TAG_MAX);
    }

    @Override
    public Call send(OutgoingSms sms) {
        return job(List.of(sms), tag(sms.id()));
    }

    /**
     * Most receivers Comptoir puts in one job: OVHcloud documents no limit we could read; 50 keeps a job's body small
     * and a lost answer (every receiver of it then UNKNOWN) bounded.
     */
    static final int MAX_BATCH = 50;

    /** The {@code batch} field (1 to {@link #MAX_BATCH}; 1 after a pairing doubt turned batching off), else 50. */
    @Override
    public int maxBatch() {
        String set = config.field(HttpConfig.OVH_BATCH);
        try {
            return set.isEmpty() ? MAX_BATCH : Math.max(1, Math.min(MAX_BATCH, Integer.parseInt(set)));
        } catch (NumberFormatException e) {
            return MAX_BATCH; // the setting's validator keeps this from happening; never batch more than 50
        }
    }

    /**
     * One job to every receiver of {@code batch} (same text, sender and validity). Its tag is the batch's own (a
     * digest of its ids), so no message's own tag names a job it shares: a message of a batch whose fate is unknown
     * after a restart is not found by {@link #lookUp} and stays UNKNOWN for the owner, never wrongly SENT.
     */
    @Override
    public Call sendBatch(List<OutgoingSms> batch) {
        StringBuilder ids = new StringBuilder("batch");
        batch.forEach(s -> ids.append(' ').append(s.id()));
        return job(batch, tag(ids.toString()));
    }

    private Call job(List<OutgoingSms> batch, String tag) {
        OutgoingSms sms = batch.get(0);
        ObjectNode body = Json.object();
        body.put("charset", "UTF-8");
        body.put("coding", SmsText.isGsm(sms.text()) ? "7bit" : "8bit");
        body.put("message", sms.text());
        body.put("noStopClause", true);
        body.put("priority", "high");
        com.fasterxml.jackson.databind.node.ArrayNode receivers = body.putArray("receivers");
        batch.forEach(s -> receivers.add(s.recipientE164()));
        if (sms.sender().isEmpty()) {
            body.put("senderForResponse", true); // OVH's short number, to which recipients can answer STOP
        } else {
            body.put("sender", sms.sender());
        }
        body.put("tag", tag);
        if (sms.validUntil() != null) {
            long minutes = Duration.between(clock.instant(), sms.validUntil()).toMinutes();
            body.put("validityPeriod", Math.max(1, Math.min(2880, minutes)));
        }
        return Call.json("POST", Providers.uri(service() + "/jobs"), Json.write(body));
    }

    /**
     * Per receiver: in {@code invalidReceivers} → refused (a permanent failure); in {@code validReceivers} → sent as
     * the id at the same position of {@code ids} (one id per valid receiver; the order is what every integration we
     * read assumes, not a documented promise, so each status poll checks the {@code receiver} OVHcloud names —
     * {@link #statusRecipient} — and a mismatch stops batching); in neither,
     * or with ids that do not pair up with the valid receivers → Unknown (accepted, but under which reference?).
     * The credits are shared out evenly as parts where they divide.
     */
    @Override
    public List<SendResult> sentBatch(Reply reply, List<OutgoingSms> batch) {
        Optional<JsonNode> json = Json.parse(reply.body()).filter(JsonNode::isObject);
        if (json.isEmpty()) {
            SendResult unknown = new SendResult.Unknown("ovh answered HTTP " + reply.status()
                    + " with no readable report: " + Json.snippet(reply.body()));
            return batch.stream().map(s -> unknown).toList();
        }
        JsonNode n = json.get();
        List<String> valid = new ArrayList<>();
        n.path("validReceivers").forEach(r -> valid.add(e164(r.asText())));
        List<String> invalid = new ArrayList<>();
        n.path("invalidReceivers").forEach(r -> invalid.add(e164(r.asText())));
        List<String> ids = new ArrayList<>();
        n.path("ids").forEach(id -> ids.add(id.asText()));
        int credits = n.path("totalCreditsRemoved").asInt(0);
        int parts = valid.isEmpty() || credits % valid.size() != 0 ? 0 : credits / valid.size();
        List<SendResult> out = new ArrayList<>(batch.size());
        for (OutgoingSms sms : batch) {
            int at = valid.indexOf(sms.recipientE164());
            if (invalid.contains(sms.recipientE164())) {
                out.add(new SendResult.Failed(new GatewayError("OVH invalidReceivers",
                        UserMessage.of("http.error.invalid.number", name(), sms.recipientE164())), false));
            } else if (at >= 0 && ids.size() == valid.size()) {
                out.add(new SendResult.Sent(List.of(ids.get(at)), parts));
            } else {
                out.add(new SendResult.Unknown("ovh accepted the job (HTTP " + reply.status() + ") but its answer "
                        + "gives no id for this receiver: " + Json.snippet(reply.body())));
            }
        }
        return out;
    }

    /** OVHcloud writes numbers as {@code +33…} or {@code 0033…}. */
    private static String e164(String number) {
        String n = number.strip();
        return n.matches("00[1-9][0-9]{5,14}") ? "+" + n.substring(2) : n;
    }

    @Override
    public SendResult sent(Reply reply, OutgoingSms sms) {
        Optional<JsonNode> json = Json.parse(reply.body()).filter(JsonNode::isObject);
        if (json.isEmpty()) {
            return new SendResult.Unknown("ovh answered HTTP " + reply.status() + " with no readable report: "
                    + Json.snippet(reply.body()));
        }
        JsonNode n = json.get();
        if (n.path("invalidReceivers").size() > 0) {
            return new SendResult.Failed(new GatewayError("OVH invalidReceivers",
                    UserMessage.of("http.error.invalid.number", name(), sms.recipientE164())), false);
        }
        List<String> ids = new ArrayList<>();
        n.path("ids").forEach(id -> ids.add(id.asText()));
        if (ids.isEmpty()) {
            return new SendResult.Unknown("ovh answered HTTP " + reply.status() + " without ids: "
                    + Json.snippet(reply.body()));
        }
        return new SendResult.Sent(ids, n.path("totalCreditsRemoved").asInt(0));
    }

    @Override
    public GatewayError refused(Reply reply) {
        return Providers.refusal(name(), reply, "class");
    }

    @Override
    public Optional<Call> status(String reference) {
        return Optional.of(Call.get(Providers.uri(service() + "/outgoing/" + Providers.enc(reference))));
    }

    @Override
    public Optional<DeliveryReport.Outcome> outcome(Reply reply) {
        return Json.parse(reply.body()).filter(n -> n.has("deliveryReceipt")).map(n -> switch (n.path("deliveryReceipt").asInt()) {
            case 1 -> DeliveryReport.Outcome.DELIVERED;
            case 2, 16 -> DeliveryReport.Outcome.FAILED;
            default -> DeliveryReport.Outcome.PENDING;
        });
    }

    /**
     * {@code receiver} of the {@code sms.Outgoing} record (OVH API schema {@code /1.0/sms}): the check that a batch's
     * {@code ids} were paired with the right receivers, since OVHcloud's documentation does not say that {@code ids}
     * follow the order of {@code validReceivers}.
     */
    @Override
    public Optional<String> statusRecipient(Reply reply) {
        // a receiver written without its "+" or "00" ("33611…") is the same number, never a mismatch
        return Json.parse(reply.body()).map(n -> Json.text(n, "receiver").strip()).filter(r -> !r.isBlank())
                .map(r -> r.matches("[1-9][0-9]{7,14}") ? "+" + r : e164(r));
    }

    /**
     * {@code deliveryReceipt} with its meaning, and the operator's {@code ptt} code when the answer has one: OVHcloud
     * gives the receipt as a number only (1 delivered, 2 failed, 16 not delivered, as its status callbacks use them).
     */
    @Override
    public String statusText(Reply reply) {
        return Json.parse(reply.body()).filter(n -> n.has("deliveryReceipt")).map(n -> {
            int receipt = n.path("deliveryReceipt").asInt();
            String meaning = switch (receipt) {
                case 1 -> "delivered";
                case 2 -> "failed";
                case 16 -> "not delivered";
                default -> "pending";
            };
            String ptt = Json.text(n, "ptt");
            return "ovh deliveryReceipt " + receipt + " (" + meaning + ")"
                    + (ptt.isEmpty() || "0".equals(ptt) ? "" : ", operator code (ptt) " + ptt);
        }).orElse(null);
    }

    @Override
    public Optional<Call> lookUp(OutgoingSms sms) {
        return Optional.of(Call.get(Providers.uri(service() + "/outgoing?tag=" + Providers.enc(tag(sms.id())))));
    }

    @Override
    public Optional<SendResult> lookedUp(Reply reply, OutgoingSms sms) {
        if (!reply.ok()) {
            return Optional.empty();
        }
        List<String> ids = Json.texts(reply.body());
        // not in the sent list: it may still be queued as a job, so only a find is an answer
        return ids.isEmpty() ? Optional.empty() : Optional.of(new SendResult.Sent(ids, 0));
    }

    @Override
    public Optional<Call> account() {
        return Optional.of(Call.get(Providers.uri(service())));
    }

    @Override
    public Optional<String> credit(Reply reply) {
        return Json.parse(reply.body()).filter(n -> n.has("creditsLeft")).map(n -> n.path("creditsLeft").asText());
    }

    @Override
    public Optional<Call> optOutList() {
        return Optional.of(Call.get(Providers.uri(service() + "/blacklists")));
    }

    @Override
    public List<String> optOuts(Reply reply) {
        List<String> out = new ArrayList<>();
        for (String number : Json.texts(reply.body())) {
            if (number.matches("\\+[1-9][0-9]{5,14}")) {
                out.add(number);
            } else if (number.matches("00[1-9][0-9]{5,14}")) {
                out.add("+" + number.substring(2));
            }
        }
        return out;
    }

    @Override
    public Optional<Call> optOut(String number) {
        return Optional.of(Call.get(Providers.uri(service() + "/blacklists/" + Providers.enc(number))));
    }

    @Override
    public Optional<Call> inboundList() {
        return Optional.of(Call.get(Providers.uri(service() + "/incoming")));
    }

    @Override
    public List<String> inboundIds(Reply reply) {
        return Json.texts(reply.body());
    }

    @Override
    public Optional<Call> inbound(String id) {
        return Optional.of(Call.get(Providers.uri(service() + "/incoming/" + Providers.enc(id))));
    }

    @Override
    public Optional<InboundSms> inboundMessage(Reply reply) {
        Optional<JsonNode> json = Json.parse(reply.body()).filter(n -> n.has("sender") && n.has("message"));
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Instant at = Providers.instantField(reply, "creationDatetime").orElse(clock.instant());
        String sender = Json.text(json.get(), "sender");
        if (sender.matches("00[1-9][0-9]{5,14}")) {
            sender = "+" + sender.substring(2);
        }
        return Optional.of(new InboundSms(sender, Json.text(json.get(), "message"), at));
    }

    @Override
    public Optional<Call> acknowledge(String id) {
        return Optional.of(Call.delete(Providers.uri(service() + "/incoming/" + Providers.enc(id))));
    }
}

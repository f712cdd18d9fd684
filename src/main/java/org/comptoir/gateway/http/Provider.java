package org.comptoir.gateway.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comptoir.gateway.DeliveryReport;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.InboundSms;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;

/**
 * What differs from one provider to the next: the shape of its requests and answers. Everything common —
 * pacing, retries, timeouts, never twice, secrets kept out of messages — is {@link HttpGateway}'s.
 * Implementations are stateless apart from their configuration, and called from any of the gateway's threads.
 */
interface Provider {

    /** {@code twilio}, {@code ovh}... for logs, the outbox and messages. */
    String name();

    /** Requests per second when the settings give none, from the provider's documentation. */
    double defaultRate();

    /** Headers that authenticate {@code call} (Basic, an API key, a signature); made at each attempt. */
    Map<String, String> authorize(Call call);

    /** Values never to show: the gateway blanks them out of every log line, message and result. */
    List<String> secrets();

    Call send(OutgoingSms sms);

    /**
     * A 2xx answer to {@link #send}: {@link SendResult.Sent} with the provider's references, or
     * {@link SendResult.Unknown} when the answer cannot be read (it was accepted, but as what?), or
     * {@link SendResult.Failed} when the provider says in a 2xx that it refused (OVH's invalid receivers).
     */
    SendResult sent(Reply reply, OutgoingSms sms);

    /**
     * How many recipients one send request may carry: more than 1 only where the provider has a batch endpoint that
     * answers per recipient (OVHcloud's job: {@code receivers[]} in, {@code validReceivers}, {@code invalidReceivers}
     * and {@code ids} out). Twilio, the Android phone and a generic template send one message per request.
     */
    default int maxBatch() {
        return 1;
    }

    /** One request sending the same text, sender and validity to every recipient of {@code batch} (two or more). */
    default Call sendBatch(List<OutgoingSms> batch) {
        throw new UnsupportedOperationException(name() + " has no batch endpoint");
    }

    /**
     * A 2xx answer to {@link #sendBatch}: one result per message of {@code batch}, in its order — Sent with that
     * recipient's own reference, Failed for a recipient the provider refused, Unknown where the answer does not say.
     */
    default List<SendResult> sentBatch(Reply reply, List<OutgoingSms> batch) {
        throw new UnsupportedOperationException(name() + " has no batch endpoint");
    }

    /** A 4xx answer that is final: the provider's own code and message, in words. */
    GatewayError refused(Reply reply);

    /** Whether this refusal means the provider holds the recipient as opted out (Twilio's 21610). */
    default boolean refusedAsOptedOut(Reply reply) {
        return false;
    }

    /** The request asking what became of the message sent as {@code reference}; empty: no status endpoint. */
    default Optional<Call> status(String reference) {
        return Optional.empty();
    }

    /** The outcome an answer to {@link #status} gives; empty: the answer says nothing usable. */
    default Optional<DeliveryReport.Outcome> outcome(Reply reply) {
        return Optional.empty();
    }

    /**
     * What the provider said about a final status, in its own words and codes, for the owner reading why a message
     * failed ("twilio undelivered, error 30003: Unreachable destination handset"); null when it says nothing more
     * than the state. Never a credential: the gateway cleans it like any other text it lets go of.
     */
    default String statusText(Reply reply) {
        return null;
    }

    /**
     * The recipient an answer to {@link #status} names, where the provider's record carries it (OVHcloud's
     * {@code receiver}); empty when it does not. A record naming another recipient than the message tracked under
     * that reference means the send's answer was paired wrongly: its outcome belongs to someone else.
     */
    default Optional<String> statusRecipient(Reply reply) {
        return Optional.empty();
    }

    /** The request finding {@code sms} by its client reference; empty where the provider keeps none (Twilio). */
    default Optional<Call> lookUp(OutgoingSms sms) {
        return Optional.empty();
    }

    /** What an answer to {@link #lookUp} says; empty when it cannot tell. */
    default Optional<SendResult> lookedUp(Reply reply, OutgoingSms sms) {
        return Optional.empty();
    }

    /** The account or balance request for "Tester"; empty where the provider has none (a generic template). */
    Optional<Call> account();

    /** Whether an answer to {@link #account} means the credentials were accepted. */
    default boolean accountAccepted(Reply reply) {
        return reply.ok();
    }

    /** The remaining credit an answer to {@link #account} shows, in the provider's unit; empty when it has none. */
    Optional<String> credit(Reply reply);

    /** The provider's opt-out list; empty where it keeps none the API shows. */
    default Optional<Call> optOutList() {
        return Optional.empty();
    }

    /** Numbers (E.164) in an answer to {@link #optOutList}. */
    default List<String> optOuts(Reply reply) {
        return List.of();
    }

    /** The request for one opt-out's details (its date); empty: none. */
    default Optional<Call> optOut(String number) {
        return Optional.empty();
    }

    /** The request listing received messages not yet acknowledged; empty: the provider offers none. */
    default Optional<Call> inboundList() {
        return Optional.empty();
    }

    /** Ids in an answer to {@link #inboundList}. */
    default List<String> inboundIds(Reply reply) {
        return List.of();
    }

    default Optional<Call> inbound(String id) {
        return Optional.empty();
    }

    default Optional<InboundSms> inboundMessage(Reply reply) {
        return Optional.empty();
    }

    /** Acknowledges (deletes) a received message once it is stored, so it is not offered again. */
    default Optional<Call> acknowledge(String id) {
        return Optional.empty();
    }
}

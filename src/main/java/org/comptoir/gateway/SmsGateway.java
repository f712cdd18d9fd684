package org.comptoir.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;

/**
 * The port every route to the phone network implements (USB modem, HTTP provider). A gateway sends one
 * {@link OutgoingSms} at a time and reports delivery reports and inbound messages to its
 * {@link GatewayListener}; it knows nothing of campaigns, consent or the store.
 *
 * <p>The sending engine calls {@link #send} from one thread per gateway, or from up to {@link #maxInFlight} threads
 * at once for a gateway that says it takes that many; implementations may block.
 */
public interface SmsGateway extends AutoCloseable {

    /**
     * Sends every part of {@code sms}. Blocks until the network accepted or refused each part (a modem may
     * take up to two minutes per part). Never throws for a send problem: the result says what happened.
     * {@link SendResult.Unknown} means the message may have left; the caller must not resend it by itself.
     */
    SendResult send(OutgoingSms sms);

    GatewayState state();

    /**
     * How many {@link #send} calls this gateway takes at once (it bounds and paces them itself). A modem sends one
     * message at a time on its port: 1. An HTTP provider takes its configured concurrency, which the sending engine
     * then keeps busy (and which lets a provider's batch endpoint gather recipients).
     */
    default int maxInFlight() {
        return 1;
    }

    /**
     * Why the gateway is not {@link GatewayState#READY}, in words for the owner ("the modem on COM3 does not
     * answer..."); empty when it is ready or cannot say. Never blocks.
     */
    default Optional<UserMessage> problem() {
        return Optional.empty();
    }

    /**
     * Reads everything waiting at the gateway — messages stored on the SIM, a provider's inbound and opt-out
     * lists, delivery statuses to poll — and hands each to the listener before returning, so a STOP received
     * while nothing was running is known before the next send. Blocks (serial or HTTP I/O); call from the
     * gateway's owner thread. A gateway that pushes everything by itself has nothing to do.
     */
    default void collectPending() {
    }

    /**
     * How often the sending engine should call {@link #collectPending} while it runs, for a route that cannot push
     * what it receives (an HTTP provider: the desktop has no public address for webhooks). Empty: the gateway tells
     * its listener by itself (a modem's +CMTI and +CDS).
     */
    default Optional<Duration> collectEvery() {
        return Optional.empty();
    }

    /**
     * Watches the delivery status of a part sent earlier, by an earlier run of the application: a route that polls
     * statuses keeps what it watches in memory, and the outbox gives it back after a restart. Never blocks.
     */
    default void track(String partReference, String recipientE164, Instant sentAt) {
    }

    /**
     * What the gateway knows of {@code sms} when its fate is unknown (the application stopped after the
     * request left): looked up by the client reference {@link OutgoingSms#id()} where the route keeps one.
     * Empty when the route cannot tell (a modem, a provider without client references). Blocks.
     */
    default Optional<SendResult> lookUp(OutgoingSms sms) {
        return Optional.empty();
    }

    /** The one listener for delivery reports, inbound messages and state changes (replaces the previous). */
    void setListener(GatewayListener listener);

    /** Short name for logs and the outbox ("modem /dev/ttyUSB0", "http smsmode"). */
    String name();

    /** Releases the port or connection; never throws. */
    @Override
    void close();
}

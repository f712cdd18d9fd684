package org.comptoir.gateway.modem;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.i18n.UserMessage;
import org.comptoir.sms.pdu.EncodedPdu;
import org.comptoir.sms.pdu.PduException;
import org.comptoir.sms.pdu.SubmitOptions;
import org.comptoir.sms.pdu.SubmitPdu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send path of {@link ModemGateway}: encodes one message into SMS-SUBMIT PDUs and writes them with
 * {@code AT+CMGS} (TS 27.005 §3.5.1), back to back, with {@code AT+CMMS=1} (§3.5.6) between parts when the
 * modem has it. Decides what a failure means: {@link SendResult.Failed} when nothing can have left the
 * modem, {@link SendResult.Unknown} once a part (or a PDU's bytes) may have.
 *
 * <p>Threads: {@link #send} blocks its caller for up to prompt + send timeout per part.
 */
final class SubmitSender {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitSender.class);

    private final Clock clock;
    private final String name;
    private final ModemGateway.Config config;
    private final InboundHandler inbound;
    private final BiConsumer<AtChannel, Throwable> onLinkLost;
    private final AtomicInteger concatRef = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private volatile boolean cmmsSupported = true;

    /**
     * @param inbound    told each part's message reference, to match delivery reports
     * @param onLinkLost called when the link died under a send, or too many commands in a row went unanswered
     */
    SubmitSender(String name, ModemGateway.Config config, InboundHandler inbound,
                 BiConsumer<AtChannel, Throwable> onLinkLost, Clock clock) {
        this.clock = clock;
        this.name = name;
        this.config = config;
        this.inbound = inbound;
        this.onLinkLost = onLinkLost;
    }

    /** Encodes and sends {@code sms} on {@code ch}, which it holds for all the parts. Blocks; never throws. */
    SendResult send(AtChannel ch, OutgoingSms sms) {
        List<EncodedPdu> parts;
        try {
            Duration validity = SubmitOptions.defaults().validity();
            if (sms.validUntil() != null) {
                Optional<Duration> within = validityWithin(Duration.between(clock.instant(), sms.validUntil()));
                if (within.isEmpty()) {
                    return new SendResult.Failed(new GatewayError("VALIDITY",
                            UserMessage.of("modem.error.validity.short", sms.validUntil())), false);
                }
                validity = within.get();
            }
            // sms.sender() is not used: SMS-SUBMIT has no originator field (TS 23.040 §9.2.2.2); the network
            // stamps the SIM's own number, so a modem cannot send under an alphanumeric name
            SubmitOptions opts = SubmitOptions.defaults().withValidity(validity)
                    .withStatusReport(sms.requestStatusReport() && config.statusReports());
            parts = SubmitPdu.encode(sms.recipientE164(), sms.text(), concatRef.getAndIncrement() & 0xFF, opts);
        } catch (PduException e) {
            return new SendResult.Failed(new GatewayError("PDU",
                    UserMessage.of("modem.error.encode", e.getMessage())), false);
        }
        try {
            // the parts go back to back: no poll or read slips between them
            return ch.exclusive(() -> sendParts(ch, sms, parts));
        } catch (AtException e) {
            return new SendResult.Unknown(e.getMessage());
        }
    }

    private SendResult sendParts(AtChannel ch, OutgoingSms sms, List<EncodedPdu> parts) {
        List<String> refs = new ArrayList<>();
        for (EncodedPdu part : parts) {
            String where = part.partNumber() + "/" + part.totalParts();
            if (parts.size() > 1 && cmmsSupported) {
                keepRelayLinkOpen(ch);
            }
            try {
                AtChannel.Response r = ch.sendPdu("AT+CMGS=" + part.tpduLength(), part.hex(),
                        config.promptTimeout(), config.sendTimeout());
                int mr = ModemSession.intAt(r.value("+CMGS:"), 0, -1);
                String ref = String.valueOf(mr);
                refs.add(ref);
                inbound.sent(ref, sms.recipientE164());
                LOG.info("{}: {} part {} accepted, reference {}", name, sms.id(), where, ref);
            } catch (AtException.Error e) {
                ModemErrors.Meaning m = ModemErrors.meaning(e.code());
                LOG.warn("{}: {} part {} refused: {}", name, sms.id(), where, e.code());
                if (!refs.isEmpty()) {
                    return new SendResult.Unknown("part " + where + " refused (" + e.code() + ") after " + refs
                            + " left");
                }
                if (e.code().kind().equals("CMS") && e.code().code() == 332) {
                    // network timeout: the SMSC may have taken it (REFERENCE.md §4.8)
                    return new SendResult.Unknown("network timeout (CMS 332): the message may have left");
                }
                return new SendResult.Failed(ModemErrors.toGatewayError(e.code()), m.retryable());
            } catch (AtException.Timeout e) {
                if (ch.consecutiveTimeouts() >= config.maxConsecutiveTimeouts()) {
                    onLinkLost.accept(ch, e);
                }
                if (e.pduWritten() || !refs.isEmpty()) {
                    return new SendResult.Unknown("no answer after part " + where + " was written");
                }
                return new SendResult.Failed(new GatewayError("TIMEOUT",
                        UserMessage.of("modem.error.no.answer", name)), true);
            } catch (AtException.LinkLost e) {
                onLinkLost.accept(ch, e);
                if (e.pduWritten() || !refs.isEmpty()) {
                    return new SendResult.Unknown("port lost after part " + where + " was written");
                }
                return new SendResult.Failed(new GatewayError("LINK",
                        UserMessage.of("modem.error.link.lost", name)), true);
            } catch (AtException e) {
                return new SendResult.Unknown(e.getMessage());
            }
        }
        return new SendResult.Sent(refs);
    }

    /**
     * The longest relative TP-VP (TS 23.040 §9.2.3.12.1) not longer than {@code left}: rounded down, so the
     * network gives up before the message's end of validity, never after. Empty below the shortest (5 min).
     */
    static Optional<Duration> validityWithin(Duration left) {
        for (int vp = 255; vp >= 0; vp--) {
            Duration d = SubmitPdu.relativeValidityDuration(vp);
            if (d.compareTo(left) <= 0) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** {@code AT+CMMS=1} (TS 27.005 §3.5.6) keeps the relay link between parts; not every modem has it. */
    private void keepRelayLinkOpen(AtChannel ch) {
        try {
            ch.command("AT+CMMS=1", ModemSession.SHORT);
        } catch (AtException.Error e) {
            cmmsSupported = false;
        } catch (AtException e) {
            LOG.debug("{}: AT+CMMS=1: {}", name, e.toString());
        }
    }
}

package org.comptoir.dispatch;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.ModemInfo;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * The modem check and test-send desk of the {@link GatewayOwner} (the modem screen, {@code modem check},
 * {@code modem send}, the campaign editor's test send): it uses the modem the owner holds when it is on the asked port,
 * else opens one for the job and closes it after, always under the owner's lock so the engine cannot open the same port
 * meanwhile. Thread-safe through that lock; every method blocks (serial I/O).
 */
final class ModemDesk {

    private final GatewayOwner owner;
    private final org.comptoir.settings.Settings settings;
    private final java.time.Clock clock;
    private final GatewayBuilder builder;

    ModemDesk(GatewayOwner owner, org.comptoir.settings.Settings settings, java.time.Clock clock, GatewayBuilder builder) {
        this.owner = owner;
        this.settings = settings;
        this.clock = clock;
        this.builder = builder;
    }

    /**
     * Checks the modem on {@code port}: the one this owner holds when it is on that port (a PIN typed is offered once
     * to it, and it connects again if it is not ready), else one opened for the check and closed after it — under this
     * owner's lock, so the engine cannot open the same port meanwhile. Reads no message from the SIM. Blocks (up to
     * the registration timeout); throws {@link ComptoirException} with the problem in words.
     */
    ModemInfo checkModem(String port, String pin) {
        String p = requirePort(port);
        synchronized (owner) {
            owner.requireOpen();
            Optional<ModemGateway> held = heldModemOn(p);
            if (held.isPresent()) {
                ModemGateway modem = held.get();
                if (pin != null && !pin.isBlank()) {
                    modem.setPin(pin.strip());
                }
                if (modem.state() != GatewayState.READY) {
                    return modem.connect();
                }
                return modem.info().orElseGet(modem::connect);
            }
            try (ModemGateway modem = builder.newModem(p, pin)) {
                modem.setListener(GatewayListener.NONE); // stores nothing, so reads nothing from the SIM
                return modem.connect();
            }
        }
    }

    /**
     * One test SMS {@link ModemOneOff}: through the modem this owner holds when {@code port} is its port (the engine
     * goes on storing inbound messages and matching its reports meanwhile), else through a modem opened on {@code port}
     * for it, whose received messages are stored too; {@code port} null: through the configured gateway, whatever it
     * is. Blocks (up to two minutes per part, plus {@code waitForReports}); throws {@link ComptoirException} for a
     * refusal before sending or a modem that does not start.
     */
    ModemOneOff.Outcome sendTest(String port, String pin, String e164, String text, String sender,
                                         Duration waitForReports, Consumer<UserMessage> progress)
            throws InterruptedException {
        SmsGateway target;
        FanOut feed;
        RouteLimits l;
        ModemGateway opened = null;
        if (port != null) {
            // refused by length or caps: no modem is opened or connected for it
            new ModemOneOff(settings, builder.modemLimits(), clock).requireAllowed(e164, text);
        }
        synchronized (owner) {
            owner.requireOpen();
            Optional<ModemGateway> held = port == null ? Optional.empty() : heldModemOn(requirePort(port));
            if (port == null) {
                owner.engine();
                target = owner.gateway;
                feed = owner.fanOut;
                l = owner.limits;
            } else if (held.isPresent()) {
                target = held.get();
                feed = owner.fanOut;
                l = owner.limits;
                if (pin != null && !pin.isBlank()) {
                    held.get().setPin(pin.strip());
                }
                if (target.state() != GatewayState.READY) {
                    progress.accept(UserMessage.of("modem.progress.connecting"));
                    held.get().connect();
                }
            } else {
                opened = builder.newModem(requirePort(port), pin);
                l = builder.modemLimits();
                SendingEngine storing = builder.newEngine(opened, l); // its listener stores what the SIM holds; never started
                feed = new FanOut(storing.listener());
                opened.setListener(feed);
                target = opened;
            }
        }
        try {
            if (opened != null) {
                progress.accept(UserMessage.of("modem.progress.connecting"));
                opened.connect();
            }
            return new ModemOneOff(settings, l, clock).send(target, feed, e164, text, sender, waitForReports, progress);
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    /**
     * One message through the configured gateway, its route's caps first ({@link #sendTest} with no port): the
     * campaign editor's test send. Its delivery reports are not waited for. Blocks like {@link #sendTest}; throws
     * {@link ComptoirException} for a refusal before sending.
     */
    SendResult sendOneOff(OutgoingSms sms) {
        try {
            return sendTest(null, null, sms.recipientE164(), sms.text(), sms.sender(), Duration.ZERO, progress -> { })
                    .result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("one-off send interrupted");
        }
    }

    private Optional<ModemGateway> heldModemOn(String port) {
        if (owner.gateway instanceof ModemGateway m && m.name().equals("modem " + port)) {
            return Optional.of(m);
        }
        return Optional.empty();
    }

    private static String requirePort(String port) {
        if (port == null || port.isBlank()) {
            throw new ComptoirException(UserMessage.of("modem.ui.no.port"));
        }
        return port.strip();
    }
}

package org.comptoir.gateway.modem;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.comptoir.gateway.GatewayError;
import org.comptoir.gateway.GatewayListener;
import org.comptoir.gateway.GatewayState;
import org.comptoir.gateway.OutgoingSms;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.SmsGateway;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The USB GSM modem route: SMS-SUBMIT PDUs through {@code AT+CMGS} (TS 27.005 §3.5.1), received messages
 * through {@code +CMTI}/{@code AT+CMGR} and a periodic {@code AT+CMGL=4} poll, delivery reports through
 * {@code +CDS}/{@code +CDSI}. Reconnects by itself when the port vanishes and comes back.
 *
 * <p>Threads: {@link #send} blocks its caller (the sending engine's thread for this gateway); events reach
 * the listener on the AT channel's event thread; reconnects and polls run on this gateway's scheduler.
 */
public final class ModemGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(ModemGateway.class);

    /** Opens the serial link anew (after each disconnection). */
    @FunctionalInterface
    public interface LinkOpener {
        SerialLink open();
    }

    /**
     * @param pin                 SIM PIN or null; offered at most once per connection, never again once refused
     * @param statusReports       ask for delivery reports when a message asks for one
     * @param pollInterval        safety-net listing of stored messages (missed +CMTI)
     * @param partsExpiry         how long the parts of a multipart message wait for the missing ones before it
     *                            is delivered with what arrived
     */
    public record Config(String pin, boolean statusReports, Duration registrationTimeout, Duration promptTimeout,
                         Duration sendTimeout, Duration reconnectMin, Duration reconnectMax, Duration pollInterval,
                         int maxConsecutiveTimeouts, Duration partsExpiry) {

        /**
         * Production values: 60 s to register, 10 s for the prompt, 120 s per part (Quectel's maximum), parts
         * of a long reply wait 24 h (networks may hold a part that long).
         */
        public static Config defaults(String pin, boolean statusReports) {
            return new Config(pin, statusReports, Duration.ofSeconds(60), Duration.ofSeconds(10),
                    Duration.ofSeconds(120), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 3,
                    Duration.ofHours(24));
        }

        public Config withTimeouts(Duration registration, Duration prompt, Duration send) {
            return new Config(pin, statusReports, registration, prompt, send, reconnectMin, reconnectMax,
                    pollInterval, maxConsecutiveTimeouts, partsExpiry);
        }

        public Config withReconnect(Duration min, Duration max) {
            return new Config(pin, statusReports, registrationTimeout, promptTimeout, sendTimeout, min, max,
                    pollInterval, maxConsecutiveTimeouts, partsExpiry);
        }

        public Config withPin(String newPin) {
            return new Config(newPin, statusReports, registrationTimeout, promptTimeout, sendTimeout, reconnectMin,
                    reconnectMax, pollInterval, maxConsecutiveTimeouts, partsExpiry);
        }

        public Config withPoll(Duration interval, Duration expiry) {
            return new Config(pin, statusReports, registrationTimeout, promptTimeout, sendTimeout, reconnectMin,
                    reconnectMax, interval, maxConsecutiveTimeouts, expiry);
        }
    }

    private final Clock clock;
    private final String port;
    private final String name;
    private final LinkOpener opener;
    private final Config config;
    private final ScheduledExecutorService scheduler;
    private final Object connectLock = new Object();
    private final InboundHandler inbound;
    private final SubmitSender sender;
    private volatile GatewayListener listener = GatewayListener.NONE;
    private volatile GatewayState state = GatewayState.DISCONNECTED;
    private volatile AtChannel channel;
    private volatile ModemSession session;
    private volatile ModemInfo info;
    private volatile UserMessage problem;
    private volatile String pin;
    private volatile boolean pinRejected;
    private volatile PinGuard pinGuard = PinGuard.NONE;
    private volatile boolean closed;
    private ScheduledFuture<?> reconnect;
    private ScheduledFuture<?> poll;
    private Duration backoff;

    public ModemGateway(String portName, LinkOpener opener, Config config) {
        this(portName, opener, config, Clock.systemUTC());
    }

    /** @param clock the time of sends, validity periods and the expiry of incomplete multipart messages */
    public ModemGateway(String portName, LinkOpener opener, Config config, Clock clock) {
        this.clock = clock;
        this.port = portName;
        this.name = "modem " + portName;
        this.opener = opener;
        this.config = config;
        this.pin = config.pin();
        this.backoff = config.reconnectMin();
        String tag = portName.replaceAll(".*/", "");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modem-" + tag);
            t.setDaemon(true);
            return t;
        });
        this.inbound = new InboundHandler(this::channel, () -> listener, clock, config.partsExpiry());
        this.sender = new SubmitSender(name, config, inbound, this::lost, clock);
    }

    /** A gateway on a real serial port. */
    public static ModemGateway onPort(String portName, Config config) {
        return new ModemGateway(portName, () -> JSerialCommLink.open(portName), config);
    }

    /**
     * Opens the port and initialises the modem. Blocks (up to the registration timeout). On success the
     * gateway is READY; otherwise throws {@link ComptoirException} (often {@link ModemInitException}) and,
     * when trying again later may help, the reconnect loop takes over.
     */
    public ModemInfo connect() {
        synchronized (connectLock) {
            if (closed) {
                throw new ComptoirException(UserMessage.of("modem.error.closed", port));
            }
            setState(GatewayState.CONNECTING);
            closeChannel();
            SerialLink link;
            try {
                link = opener.open();
            } catch (RuntimeException e) {
                UserMessage m = e instanceof ComptoirException ce ? ce.userMessage()
                        : UserMessage.of("modem.port.missing", port);
                // while the stick is away the owner reads "unplugged, coming back by itself", not the open error
                fail(GatewayState.DISCONNECTED, m.key().equals("modem.port.missing")
                        ? UserMessage.of("modem.unplugged", port) : m);
                throw e instanceof ComptoirException ce ? ce : new ComptoirException(m, e);
            }
            inbound.notReady();
            ChannelListener events = new ChannelListener();
            AtChannel ch = new AtChannel(link, events);
            events.channel = ch;
            ModemSession s = new ModemSession(ch, config.registrationTimeout(), pinGuard);
            channel = ch;
            session = s;
            String offered = pinRejected ? null : pin;
            try {
                info = s.init(offered);
            } catch (ModemInitException e) {
                if (e.state() == GatewayState.FAILED && offered != null && !offered.isBlank()) {
                    pinRejected = true; // never offer the same PIN twice: three refusals block the SIM
                }
                if (!e.retryable()) {
                    closeChannel();
                }
                fail(e.state(), e.userMessage());
                throw e;
            } finally {
                session = null;
            }
            problem = null;
            backoff = config.reconnectMin();
            setState(GatewayState.READY);
            startPolling();
            // indications kept during initialisation, then what arrived while we were away, waiting on the SIM
            scheduler.execute(() -> {
                inbound.ready();
                pollQuietly();
            });
            return info;
        }
    }

    /** Connects in the background; failures are left to the reconnect loop. Never blocks. */
    public void start() {
        scheduler.execute(this::tryConnect);
    }

    /** Where the PINs each SIM refused are remembered across runs (default: nowhere). Set before connecting. */
    public void setPinGuard(PinGuard guard) {
        this.pinGuard = guard == null ? PinGuard.NONE : guard;
    }

    /** A new PIN typed by the owner: allows one more offer. */
    public void setPin(String newPin) {
        this.pin = newPin;
        this.pinRejected = false;
    }

    public Optional<ModemInfo> info() {
        return Optional.ofNullable(info);
    }

    /** Why the gateway is not READY, in words; empty when it is. */
    @Override
    public Optional<UserMessage> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public SendResult send(OutgoingSms sms) {
        AtChannel ch = channel;
        if (state != GatewayState.READY || ch == null) {
            boolean retryable = state == GatewayState.DISCONNECTED || state == GatewayState.CONNECTING;
            return new SendResult.Failed(new GatewayError("STATE " + state,
                    problem != null ? problem : UserMessage.of("modem.error.not.ready", state)), retryable);
        }
        return sender.send(ch, sms);
    }

    /**
     * Lists everything stored on the SIM ({@code AT+CMGL=4}, all stats, TS 27.005 §3.4.2), hands each inbound
     * message to the listener — only if it {@linkplain GatewayListener#storesInbound() stores} — and deletes it
     * from the SIM once {@code onInbound} returned; stored status reports go to {@code onDeliveryReport}.
     * Multipart messages incomplete past the parts expiry are delivered with what arrived. The safety net for a
     * missed {@code +CMTI}, and the catch-up after a (re)connection.
     *
     * <p>Any thread; blocks while it holds the AT channel (one command in flight at a time, so it waits for a
     * send in progress and a send waits for it; no other lock is taken). Up to 30 s for the list plus 10 s per
     * message. Never throws: a failed list is logged and retried at the next poll. Does nothing unless READY.
     */
    @Override
    public void collectPending() {
        if (state == GatewayState.READY) {
            inbound.collect();
        }
    }

    /** {@link #collectPending()}, under the name the first callers used. */
    public void pollNow() {
        collectPending();
    }

    private void pollQuietly() {
        if (state != GatewayState.READY) {
            return;
        }
        try {
            inbound.collect();
        } catch (RuntimeException e) {
            LOG.warn("{}: poll failed: {}", name, e.toString());
        }
    }

    private synchronized void startPolling() {
        if (poll == null && !closed) {
            long ms = config.pollInterval().toMillis();
            poll = scheduler.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void tryConnect() {
        try {
            connect();
        } catch (RuntimeException e) {
            LOG.info("{}: not connected: {}", name, e.getMessage());
        }
    }

    private void fail(GatewayState newState, UserMessage why) {
        problem = why;
        setState(newState);
        if (newState == GatewayState.DISCONNECTED) {
            scheduleReconnect();
        }
    }

    /** The link died under {@code ch} (read error, write error, too many silent commands). */
    void lost(AtChannel ch, Throwable cause) {
        if (ch != channel || closed) {
            return; // an old channel's late news
        }
        LOG.warn("{}: disconnected ({})", name, cause.toString());
        closeChannel();
        fail(GatewayState.DISCONNECTED, UserMessage.of("modem.error.link.lost", port));
    }

    /**
     * One attempt at a time, with a back-off doubling up to {@code reconnectMax}, until connected or closed.
     * An attempt that fails schedules the next one from inside itself: it forgets its own future first, so it
     * does not take itself for an attempt still pending (issue 9, item 4).
     */
    private synchronized void scheduleReconnect() {
        if (closed || reconnect != null) {
            return;
        }
        Duration delay = backoff;
        Duration next = backoff.multipliedBy(2);
        backoff = next.compareTo(config.reconnectMax()) > 0 ? config.reconnectMax() : next;
        LOG.info("{}: reconnecting in {} ms", name, delay.toMillis());
        try {
            reconnect = scheduler.schedule(this::reconnectAttempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("{}: closed, no reconnect", name);
        }
    }

    private void reconnectAttempt() {
        synchronized (this) {
            reconnect = null;
        }
        if (!closed && state != GatewayState.READY) {
            tryConnect();
        }
    }

    private void setState(GatewayState s) {
        if (state != s) {
            state = s;
            try {
                listener.onStateChanged(s);
            } catch (RuntimeException e) {
                LOG.error("{}: state listener failed", name, e);
            }
        }
    }

    /** Waits until no command is in flight (tests: let the catch-up poll finish). */
    void awaitIdle() throws AtException {
        AtChannel ch = channel;
        if (ch != null) {
            ch.exclusive(() -> null);
        }
    }

    private AtChannel channel() {
        return channel;
    }

    private void closeChannel() {
        AtChannel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public GatewayState state() {
        return state;
    }

    @Override
    public void setListener(GatewayListener l) {
        this.listener = l == null ? GatewayListener.NONE : l;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        closeChannel();
        setState(GatewayState.DISCONNECTED);
    }

    /** Routes the channel's unsolicited codes; drops news from a channel that is no longer current. */
    private final class ChannelListener implements AtChannel.Listener {
        volatile AtChannel channel;

        @Override
        public void onUnsolicited(String line, String pdu) {
            ModemSession s = session;
            if (s != null) {
                s.onUnsolicited(line);
            }
            inbound.onUnsolicited(line, pdu);
        }

        @Override
        public void onLinkLost(Throwable cause) {
            lost(channel, cause);
        }
    }
}

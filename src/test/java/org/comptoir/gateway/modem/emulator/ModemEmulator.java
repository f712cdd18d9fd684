package org.comptoir.gateway.modem.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A GSM modem that speaks like a real one (TS 27.007 / 27.005, PDU mode) over any stream pair: echo until
 * {@code ATE0}, {@code \r\n} framing, {@code AT+CMEE} numeric or verbose errors, a SIM with a PIN and an
 * attempts counter, registration on or off, the {@code "> "} prompt and Ctrl-Z of {@code AT+CMGS},
 * message storage with {@code +CMTI}, {@code AT+CMGR/CMGL/CMGD}, status reports ({@code +CDS} inline or
 * {@code +CDSI} stored), injected send errors, slow answers (scheduled, not slept) and vanishing mid-send.
 *
 * <p>All writes to the app go through one scheduled executor, so delayed answers keep their order. The SMS
 * side (storage, indications, the PDUs sent) is {@link EmulatedSms}, the SIM's (PIN, retries, ICCID)
 * {@link EmulatedSim}, the network's (registration, operator, signal) {@link EmulatedNetwork}.
 */
public final class ModemEmulator implements AutoCloseable {

    /** One SMS-SUBMIT the app sent. */
    public record Sent(String hex, int tpduLength, int mr, String destination, String text, int concatRef,
                       int totalParts, int partNumber, boolean statusReport) {
    }

    private static final Map<Integer, String> CME_TEXT = Map.of(
            3, "operation not allowed", 10, "SIM not inserted", 11, "SIM PIN required", 12, "SIM PUK required",
            16, "incorrect password", 30, "no network service");

    private final InputStream in;
    private final OutputStream out;
    private final ScheduledExecutorService writer;
    private final Thread reader;

    // configuration (set before or during a test)
    public volatile String maker = "huawei";
    public volatile String model = "E3372";
    public volatile String revision = "21.180.01.00.00";
    public volatile String imsi = "208011234567890";
    public volatile String operatorName = "Orange F";
    public volatile String operatorNumeric = "20801";
    public volatile boolean simInserted = true;
    public volatile boolean registered = true;
    public volatile int notRegisteredStat = 2;
    public volatile int rssi = 21;
    public volatile boolean cmmsSupported = true;
    /** Delay before answering each AT+CMGS (the network's time to accept). */
    public volatile Duration sendDelay = Duration.ZERO;
    /** Delay before every other answer. */
    public volatile Duration answerDelay = Duration.ZERO;
    /** After the next "> " prompt, close both streams once the PDU arrived, before answering (USB pulled mid-send). */
    public volatile boolean vanishMidSend;
    /** Never answer commands (a hung modem). */
    public volatile boolean silent;
    /** An LTE-only modem: {@code AT+CREG?} says "not registered", only {@code AT+CEREG?} says registered. */
    public volatile boolean lteOnly;
    /** The SIM's ICCID, answered to {@code AT+CCID} (and {@code AT^ICCID?} on a Huawei). */
    public volatile String iccid = "89330123456789012345";
    /** Answers {@code AT+CPINR} (TS 27.007 §8.65) and the vendor forms; false: ERROR like an older modem. */
    public volatile boolean pinRetriesSupported = true;
    /** The network's status report for each part sent (hex, or null for none), emitted after its +CMGS answer. */
    public volatile java.util.function.Function<Sent, String> reportFor = s -> null;
    /** Answers {@code +CME ERROR: 515} to this many {@code AT+CPIN?} first ("busy, initialising"). */
    public volatile int cpinBusy;
    /** Arrives, announced with +CMTI, right after the first {@code AT} (CNMI kept in the modem's memory). */
    public volatile String arrivingAfterFirstAt;
    /** The next AT+CMGS answer comes this much later than usual; everything the modem says meanwhile waits. */
    public volatile Duration lateNextSend = Duration.ZERO;

    // state
    private volatile boolean echo = true;
    private volatile int cmee;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private final EmulatedSim sim = new EmulatedSim(this);
    private final EmulatedNetwork network = new EmulatedNetwork(this);
    private final EmulatedSms sms = new EmulatedSms(this);
    /** Output held back behind a late answer, in order; null when nothing is held. */
    private List<byte[]> held;

    public ModemEmulator(InputStream fromApp, OutputStream toApp) {
        this.in = fromApp;
        this.out = toApp;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "emulator-writer");
            t.setDaemon(true);
            return t;
        });
        this.reader = new Thread(this::readLoop, "emulator-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The SIM asks for {@code pin} at start. */
    public ModemEmulator withPin(String pin) {
        sim.requirePin(pin);
        return this;
    }

    /**
     * The same modem seen through a new connection (port closed and reopened): configuration, SIM state,
     * storage and history carry over; echo and indications reset as after a real reopen.
     */
    public synchronized void takeOver(ModemEmulator old) {
        maker = old.maker;
        model = old.model;
        imsi = old.imsi;
        registered = old.registered;
        rssi = old.rssi;
        simInserted = old.simInserted;
        sim.takeOver(old.sim);
        sendDelay = old.sendDelay;
        iccid = old.iccid;
        lteOnly = old.lteOnly;
        sms.takeOver(old.sms);
    }

    /** The next AT+CMGS ends in {@code +CMS ERROR: code} instead of being sent. */
    public void failNextSend(int code) {
        sms.failNextSend(code);
    }

    /** Stores an SMS-DELIVER in "SM" and, if the app asked for it (CNMI mt=1), announces it. */
    public int receive(String deliverHex) {
        return sms.receive(deliverHex);
    }

    /** These SMS-DELIVERs arrive (stored, +CMTI) while the next AT+CMGS is in progress, before its answer. */
    public void arriveDuringNextSend(List<String> deliverHex) {
        sms.arriveDuringNextSend(deliverHex);
    }

    /** Stores an SMS-DELIVER without telling anyone (a +CMTI lost while the app was away). */
    public int storeSilently(String deliverHex) {
        return sms.storeSilently(deliverHex);
    }

    /** Sends a status report the way the app asked: inline +CDS (ds=1) or stored with +CDSI (ds=2). */
    public void statusReport(String reportHex) {
        sms.statusReport(reportHex);
    }

    /** Writes an unsolicited line (e.g. {@code ^RSSI:18}, {@code RING}). */
    public void emit(String line) {
        write("\r\n" + line + "\r\n", Duration.ZERO);
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    public List<Sent> sent() {
        return sms.sent();
    }

    public List<Integer> deleted() {
        return sms.deleted();
    }

    public List<String> pinsOffered() {
        return sim.pinsOffered();
    }

    public String simState() {
        return sim.state();
    }

    public Map<Integer, String> stored() {
        return sms.stored();
    }

    // ---- the wire ----

    private void readLoop() {
        StringBuilder line = new StringBuilder();
        StringBuilder pdu = null;
        int pduLength = 0;
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (pdu != null) {
                    if (b == 0x1A) {
                        String hex = pdu.toString().trim();
                        pdu = null;
                        if (vanishMidSend) {
                            vanish();
                            return;
                        }
                        sms.onPdu(hex, pduLength);
                    } else if (b == 0x1B) {
                        pdu = null;
                        answer(List.of(), "OK");
                    } else {
                        pdu.append((char) b);
                    }
                    continue;
                }
                if (echo) {
                    write(String.valueOf((char) b), Duration.ZERO);
                }
                if (b == '\r') {
                    String cmd = line.toString().trim();
                    line.setLength(0);
                    if (cmd.isEmpty()) {
                        continue;
                    }
                    commands.add(cmd);
                    if (silent) {
                        continue;
                    }
                    String upper = cmd.toUpperCase(Locale.ROOT);
                    if (upper.startsWith("AT+CMGS=")) {
                        if (!registered) {
                            answer(List.of(), cms(331));
                        } else if (!"READY".equals(sim.state())) {
                            answer(List.of(), cms(311));
                        } else {
                            pduLength = Integer.parseInt(cmd.substring(8).trim());
                            pdu = new StringBuilder();
                            write("\r\n> ", answerDelay);
                        }
                    } else {
                        handle(cmd, upper);
                    }
                } else if (b != '\n') {
                    line.append((char) b);
                }
            }
        } catch (IOException e) {
            // the app closed its side
        }
    }

    private void handle(String cmd, String upper) {
        if (sim.handle(cmd, upper) || network.handle(upper)) {
            return;
        }
        switch (upper) {
            case "AT" -> {
                answer(List.of(), "OK");
                String early = arrivingAfterFirstAt;
                arrivingAfterFirstAt = null;
                if (early != null) {
                    emit("+CMTI: \"SM\"," + sms.storeSilently(early));
                }
            }
            case "AT+CMGF=0", "AT+CMGF=1", "AT+CSCLK=0" -> answer(List.of(), "OK");
            case "ATE0" -> {
                echo = false;
                answer(List.of(), "OK");
            }
            case "ATE1" -> {
                echo = true;
                answer(List.of(), "OK");
            }
            case "ATI" -> answer(List.of("Manufacturer: " + maker, "Model: " + model, "Revision: " + revision), "OK");
            case "AT+CGMI" -> answer(List.of(maker), "OK");
            case "AT+CGMM" -> answer(List.of(model), "OK");
            case "AT+CGMR" -> answer(List.of(revision), "OK");
            case "AT^CURC=0" -> answer(List.of(), maker.equalsIgnoreCase("huawei") ? "OK" : "ERROR");
            case "AT+CSMS?" -> answer(List.of("+CSMS: 0,1,1,1"), "OK");
            case "AT+CSCA?" -> answer(List.of("+CSCA: \"+33689004000\",145"), "OK");
            case "AT+CMMS=1" -> answer(List.of(), cmmsSupported ? "OK" : "ERROR");
            default -> handleWithArguments(upper);
        }
    }

    private void handleWithArguments(String upper) {
        if (sms.handle(upper, sim.unlocked())) {
            return;
        }
        if (upper.startsWith("AT+CMEE=")) {
            cmee = Integer.parseInt(upper.substring(8));
            answer(List.of(), "OK");
        } else {
            answer(List.of(), "ERROR");
        }
    }

    String cme(int code) {
        return switch (cmee) {
            case 0 -> "ERROR";
            case 2 -> "+CME ERROR: " + CME_TEXT.getOrDefault(code, "unknown");
            default -> "+CME ERROR: " + code;
        };
    }

    int cmee() {
        return cmee;
    }

    String cms(int code) {
        return cmee == 0 ? "ERROR" : "+CMS ERROR: " + code;
    }

    void answer(List<String> lines, String result) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append("\r\n").append(l).append("\r\n");
        }
        sb.append("\r\n").append(result).append("\r\n");
        write(sb.toString(), answerDelay);
    }

    void write(String s, Duration delay) {
        if (closed) {
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        synchronized (this) {
            if (held != null) {
                held.add(bytes);
                return;
            }
        }
        Runnable task = () -> {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // the app's side is gone
            }
        };
        if (delay.isZero()) {
            writer.execute(task);
        } else {
            writer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes {@code s} after {@code delay} and holds back everything else the modem says until then, as a
     * modem busy with one command answers the next ones only afterwards.
     */
    void writeLate(String s, Duration delay) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        synchronized (this) {
            held = new java.util.ArrayList<>();
        }
        writer.schedule(() -> {
            List<byte[]> after;
            synchronized (this) {
                after = held;
                held = null;
            }
            try {
                out.write(bytes);
                for (byte[] b : after) {
                    out.write(b);
                }
                out.flush();
            } catch (IOException e) {
                // the app's side is gone
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The modem disappears: both streams close (a pulled USB stick). */
    public void vanish() {
        closed = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // gone anyway
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // gone anyway
        }
    }

    @Override
    public void close() {
        vanish();
        writer.shutdownNow();
    }
}

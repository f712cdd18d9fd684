package org.comptoir.gateway.modem.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.sms.pdu.ConcatInfo;
import org.comptoir.sms.pdu.PduException;
import org.comptoir.sms.pdu.SmsSubmit;
import org.comptoir.sms.pdu.SubmitPdu;

/**
 * The SMS side of {@link ModemEmulator} (TS 27.005): the SIM's message storage ({@code AT+CPMS},
 * {@code AT+CMGR/CMGL/CMGD}), new-message and status-report indications as {@code AT+CNMI} asked
 * ({@code +CMTI}, {@code +CDS}, {@code +CDSI}), and the SMS-SUBMIT PDUs written after {@code AT+CMGS}, read
 * as the SMSC would. Answers go out through the emulator's wire.
 */
final class EmulatedSms {

    private final ModemEmulator wire;
    private final TreeMap<Integer, String[]> storage = new TreeMap<>();
    private final List<ModemEmulator.Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Integer> deleted = new CopyOnWriteArrayList<>();
    private volatile int cnmiMt;
    private volatile int cnmiDs;
    private volatile int nextMr = 1;
    private volatile Integer nextSendError;
    private final List<String> arriveDuringSend = new CopyOnWriteArrayList<>();

    EmulatedSms(ModemEmulator wire) {
        this.wire = wire;
    }

    /** Storage and history carry over to a new connection; indications reset. */
    void takeOver(EmulatedSms old) {
        nextMr = old.nextMr;
        synchronized (this) {
            synchronized (old) {
                old.storage.forEach((k, v) -> storage.put(k, v.clone()));
            }
        }
        sent.addAll(old.sent);
        deleted.addAll(old.deleted);
    }

    void arriveDuringNextSend(List<String> hex) {
        arriveDuringSend.addAll(hex);
    }

    void failNextSend(int code) {
        nextSendError = code;
    }

    synchronized int receive(String deliverHex) {
        int index = store(deliverHex);
        if (cnmiMt == 1) {
            wire.emit("+CMTI: \"SM\"," + index);
        }
        return index;
    }

    synchronized int storeSilently(String deliverHex) {
        return store(deliverHex);
    }

    synchronized void statusReport(String reportHex) {
        if (cnmiDs == 2) {
            int index = store(reportHex);
            wire.emit("+CDSI: \"SM\"," + index);
        } else {
            int scaLength = Integer.parseInt(reportHex.substring(0, 2), 16);
            wire.emit("+CDS: " + (reportHex.length() / 2 - 1 - scaLength) + "\r\n" + reportHex);
        }
    }

    List<ModemEmulator.Sent> sent() {
        return List.copyOf(sent);
    }

    List<Integer> deleted() {
        return List.copyOf(deleted);
    }

    synchronized Map<Integer, String> stored() {
        Map<Integer, String> m = new TreeMap<>();
        storage.forEach((k, v) -> m.put(k, v[1]));
        return Collections.unmodifiableMap(m);
    }

    private synchronized int store(String hex) {
        int index = storage.isEmpty() ? 1 : storage.lastKey() + 1;
        storage.put(index, new String[] {"0", hex});
        return index;
    }

    /** The PDU written after {@code AT+CMGS=<tpduLength>} and Ctrl-Z: checked, decoded, answered. */
    void onPdu(String hex, int tpduLength) {
        int scaLength = Integer.parseInt(hex.substring(0, 2), 16);
        if (!hex.matches("[0-9A-Fa-f]+") || hex.length() % 2 != 0 || hex.length() / 2 - 1 - scaLength != tpduLength) {
            wire.answer(List.of(), wire.cms(304));
            return;
        }
        Integer err = nextSendError;
        if (err != null) {
            nextSendError = null;
            wire.write("\r\n" + wire.cms(err) + "\r\n", wire.sendDelay);
            return;
        }
        SmsSubmit submit;
        try {
            submit = SubmitPdu.decode(hex); // what the SMSC would read
        } catch (PduException e) {
            wire.answer(List.of(), wire.cms(304));
            return;
        }
        int mr = nextMr;
        nextMr = (nextMr + 1) % 256;
        ConcatInfo c = submit.concat().orElse(new ConcatInfo(0, 1, 1));
        sent.add(new ModemEmulator.Sent(hex, tpduLength, mr, submit.destination(), submit.text(), c.reference(),
                c.total(), c.sequence(), submit.statusReport()));
        // messages that come in while the network takes this one: their +CMTI lands in the middle of the send
        List<String> arriving = List.copyOf(arriveDuringSend);
        arriveDuringSend.clear();
        arriving.forEach(this::receive);
        String answer = "\r\n+CMGS: " + mr + "\r\n\r\nOK\r\n";
        java.time.Duration late = wire.lateNextSend;
        if (!late.isZero()) {
            wire.lateNextSend = java.time.Duration.ZERO;
            wire.writeLate(answer, late.plus(wire.sendDelay));
        } else {
            wire.write(answer, wire.sendDelay);
        }
        String report = wire.reportFor.apply(sent.get(sent.size() - 1));
        if (report != null) {
            statusReport(report);
        }
    }

    /** Answers {@code AT+CPMS=}, {@code AT+CNMI=} and {@code AT+CMGR/CMGL/CMGD=}; false for any other command. */
    boolean handle(String upper, boolean unlocked) {
        if (upper.startsWith("AT+CPMS=")) {
            int count;
            synchronized (this) {
                count = storage.size();
            }
            wire.answer(List.of("+CPMS: " + count + ",30,0,30,0,30"), "OK");
        } else if (upper.startsWith("AT+CNMI=")) {
            String[] p = upper.substring(8).split(",");
            cnmiMt = Integer.parseInt(p[1]);
            cnmiDs = p.length > 3 ? Integer.parseInt(p[3]) : 0;
            wire.answer(List.of(), "OK");
        } else if (!upper.matches("AT\\+CMG[RLD]=.*")) {
            return false;
        } else if (!unlocked) {
            wire.answer(List.of(), wire.cms(311));
        } else if (upper.startsWith("AT+CMGR=")) {
            int index = Integer.parseInt(upper.substring(8));
            synchronized (this) {
                String[] m = storage.get(index);
                if (m == null) {
                    wire.answer(List.of(), wire.cms(321));
                } else {
                    m[0] = "1";
                    wire.answer(List.of("+CMGR: 0,," + (m[1].length() / 2), m[1]), "OK");
                }
            }
        } else if (upper.startsWith("AT+CMGL=")) {
            List<String> lines = new ArrayList<>();
            synchronized (this) {
                storage.forEach((i, m) -> {
                    lines.add("+CMGL: " + i + "," + m[0] + ",," + (m[1].length() / 2));
                    lines.add(m[1]);
                    m[0] = "1";
                });
            }
            wire.answer(lines, "OK");
        } else {
            int index = Integer.parseInt(upper.substring(8).split(",")[0]);
            synchronized (this) {
                storage.remove(index);
            }
            deleted.add(index);
            wire.answer(List.of(), "OK");
        }
        return true;
    }
}

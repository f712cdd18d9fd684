package org.comptoir.gateway.modem.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SIM side of {@link ModemEmulator} (TS 27.007 §8): its state and PIN ({@code AT+CPIN?}, {@code AT+CPIN=}) with
 * the attempts counter down to "SIM PUK", the retries left ({@code AT+CPINR}, Huawei's {@code AT^CPIN?}), the IMSI and
 * the ICCID. Its configuration (inserted, ICCID, IMSI, busy answers...) stays in the emulator's public fields; answers
 * go out through the emulator's wire.
 */
final class EmulatedSim {

    private final ModemEmulator wire;
    private volatile String pin;
    private volatile String state = "READY";
    private volatile int attemptsLeft = 3;
    private final List<String> pinsOffered = new CopyOnWriteArrayList<>();

    EmulatedSim(ModemEmulator wire) {
        this.wire = wire;
    }

    void requirePin(String pin) {
        this.pin = pin;
        this.state = "SIM PIN";
    }

    /** PIN, state and the PINs offered carry over to a new connection, as the SIM stays in the stick. */
    void takeOver(EmulatedSim old) {
        pin = old.pin;
        state = old.state;
        attemptsLeft = old.attemptsLeft;
        pinsOffered.addAll(old.pinsOffered);
    }

    String state() {
        return state;
    }

    boolean unlocked() {
        return "READY".equals(state) && wire.simInserted;
    }

    List<String> pinsOffered() {
        return List.copyOf(pinsOffered);
    }

    /** Answers {@code cmd} if it is the SIM's; false leaves it to the rest of the modem. */
    boolean handle(String cmd, String upper) {
        boolean huawei = wire.maker.equalsIgnoreCase("huawei");
        switch (upper) {
            case "AT+CIMI" -> wire.answer(unlocked() ? List.of(wire.imsi) : List.of(), unlocked() ? "OK" : wire.cme(11));
            case "AT+CPIN?" -> {
                if (wire.cpinBusy > 0) {
                    wire.cpinBusy--;
                    wire.answer(List.of(), wire.cmee() == 0 ? "ERROR" : "+CME ERROR: 515");
                } else if (!wire.simInserted) {
                    wire.answer(List.of(), wire.cme(10));
                } else {
                    wire.answer(List.of("+CPIN: " + state), "OK");
                }
            }
            case "AT+CCID", "AT+ICCID" -> wire.answer(wire.simInserted ? List.of("+CCID: " + wire.iccid) : List.of(),
                    wire.simInserted ? "OK" : wire.cme(10));
            case "AT^ICCID?" -> wire.answer(List.of("^ICCID: " + wire.iccid), huawei ? "OK" : "ERROR");
            case "AT+CPINR=\"SIM PIN\"", "AT+CPINR" -> wire.answer(
                    wire.pinRetriesSupported ? List.of("+CPINR: SIM PIN," + attemptsLeft + ",10") : List.of(),
                    wire.pinRetriesSupported ? "OK" : "ERROR");
            // Huawei: ^CPIN: <code>,<times>,<puk_times>,<pin_times>,<puk2_times>,<pin2_times>
            case "AT^CPIN?" -> wire.answer(List.of("^CPIN: " + state + "," + attemptsLeft + ",10," + attemptsLeft
                    + ",10,3"), huawei && wire.pinRetriesSupported ? "OK" : "ERROR");
            default -> {
                if (!upper.startsWith("AT+CPIN=")) {
                    return false;
                }
                offerPin(cmd.substring(8).replace("\"", "").trim());
            }
        }
        return true;
    }

    private void offerPin(String offered) {
        pinsOffered.add(offered);
        if (state.equals("SIM PUK")) {
            wire.answer(List.of(), wire.cme(12));
        } else if (!state.equals("SIM PIN")) {
            wire.answer(List.of(), wire.cme(3));
        } else if (offered.equals(pin)) {
            state = "READY";
            attemptsLeft = 3;
            wire.answer(List.of(), "OK");
        } else {
            attemptsLeft--;
            if (attemptsLeft == 0) {
                state = "SIM PUK";
            }
            wire.answer(List.of(), wire.cme(16));
        }
    }
}

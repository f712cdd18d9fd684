package org.comptoir.gateway.modem.emulator;

import java.util.List;

/**
 * The network side of {@link ModemEmulator} (TS 27.007 §7): registration ({@code AT+CREG?}, {@code AT+CEREG?}, an
 * LTE-only modem registered on the second only), the operator in the format {@code AT+COPS=3,n} asked, and the signal
 * ({@code AT+CSQ}). Its configuration stays in the emulator's public fields; answers go out through its wire.
 */
final class EmulatedNetwork {

    private final ModemEmulator wire;
    private volatile int copsFormat;

    EmulatedNetwork(ModemEmulator wire) {
        this.wire = wire;
    }

    /** Answers {@code upper} if it is about the network; false leaves it to the rest of the modem. */
    boolean handle(String upper) {
        int stat = wire.notRegisteredStat;
        switch (upper) {
            case "AT+CREG?" -> wire.answer(List.of("+CREG: 1," + (wire.registered && !wire.lteOnly ? 1 : stat)), "OK");
            case "AT+CEREG?" -> wire.answer(List.of("+CEREG: 1," + (wire.registered ? 1 : stat)), "OK");
            case "AT+CSQ" -> wire.answer(List.of("+CSQ: " + wire.rssi + ",99"), "OK");
            case "AT+COPS?" -> {
                if (!wire.registered) {
                    wire.answer(List.of("+COPS: 0"), "OK");
                } else {
                    String op = copsFormat == 2 ? wire.operatorNumeric : wire.operatorName;
                    wire.answer(List.of("+COPS: 0," + copsFormat + ",\"" + op + "\",7"), "OK");
                }
            }
            default -> {
                if (upper.startsWith("AT+COPS=3,")) {
                    copsFormat = Integer.parseInt(upper.substring(10));
                    wire.answer(List.of(), "OK");
                } else if (upper.startsWith("AT+CREG=") || upper.startsWith("AT+CEREG=") || upper.startsWith("AT+CGREG=")) {
                    wire.answer(List.of(), "OK");
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}

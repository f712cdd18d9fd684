package org.comptoir.gateway.modem;

import org.comptoir.i18n.UserMessage;

/**
 * What a quick look at one serial port found.
 *
 * @param signalBars 0–5
 * @param problem    why this port cannot be used as it is (no answer, PIN needed), or null
 */
public record ModemProbe(String port, String description, String maker, String model, String operator,
                         int signalBars, UserMessage problem) {

    public boolean isModem() {
        return !maker.isEmpty() || !model.isEmpty();
    }
}

package org.comptoir.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;

import org.comptoir.gateway.modem.emulator.EmulatedModem;
import org.comptoir.gateway.modem.emulator.MemoryPipe;
import org.junit.jupiter.api.Test;

class PortDiscoveryTest {

    @Test
    void aProbeReportsMakerModelOperatorAndBars() {
        try (EmulatedModem modem = new EmulatedModem()) {
            modem.emulator().rssi = 12;
            ModemProbe p = PortDiscovery.probe("COM3", "USB modem", modem::link);
            assertThat(p.isModem()).isTrue();
            assertThat(p.maker()).isEqualTo("huawei");
            assertThat(p.model()).isEqualTo("E3372");
            assertThat(p.operator()).isEqualTo("Orange F");
            assertThat(p.signalBars()).isEqualTo(2);
            assertThat(p.problem()).isNull();
            // a probe never offers a PIN
            assertThat(modem.emulator().pinsOffered()).isEmpty();
        }
    }

    @Test
    void aLockedSimIsReportedAsTheProblem() {
        try (EmulatedModem modem = new EmulatedModem()) {
            modem.emulator().withPin("1234");
            ModemProbe p = PortDiscovery.probe("COM3", "USB modem", modem::link);
            assertThat(p.problem().key()).isEqualTo("modem.error.sim.pin");
        }
    }

    @Test
    void aSilentPortIsNoModem() {
        MemoryPipe nothing = new MemoryPipe();
        MemoryPipe sink = new MemoryPipe();
        ModemProbe p = PortDiscovery.probe("COM9", "Bluetooth", () -> new StreamLink("COM9", nothing.input(),
                sink.output()));
        assertThat(p.isModem()).isFalse();
        assertThat(p.problem().key()).isEqualTo("modem.error.no.answer");
    }

    @Test
    void everyErrorMeaningHasAMessageInBothLanguages() {
        var fr = org.comptoir.i18n.Messages.forLanguage("fr");
        var en = org.comptoir.i18n.Messages.forLanguage("en");
        for (String line : new String[] {"+CME ERROR: 16", "+CMS ERROR: 42", "+CMS ERROR: 1", "+CMS ERROR: 330",
            "+CMS ERROR: 304", "+CME ERROR: 10", "+CMS ERROR: 999", "ERROR", "+CME ERROR: SIM PIN required",
            "+CMS ERROR: 208", "+CME ERROR: 515", "+CMS ERROR: 38", "+CMS ERROR: 27"}) {
            ModemErrors.Code code = ModemErrors.parse(line);
            String key = ModemErrors.meaning(code).key();
            assertThat(fr.has(key)).as(key).isTrue();
            assertThat(en.has(key)).as(key).isTrue();
        }
        assertThat(ModemErrors.meaning(ModemErrors.parse("+CME ERROR: 16")).retryable()).isFalse();
        assertThat(ModemErrors.meaning(ModemErrors.parse("+CMS ERROR: 42")).retryable()).isTrue();
        assertThat(ModemErrors.meaning(ModemErrors.parse("+CMS ERROR: 1")).retryable()).isFalse();
        assertThat(ModemErrors.meaning(ModemErrors.parse("+CMS ERROR: 332")).retryable()).isTrue();
        assertThat(ModemErrors.parse("+CME ERROR: incorrect password").code()).isEqualTo(16);
    }
}

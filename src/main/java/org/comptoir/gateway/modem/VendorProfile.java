package org.comptoir.gateway.modem;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Known quirks per maker, as data (the idea of smslib's {@code modem.properties} and gammu's
 * {@code gsmphones.c}). Chosen from the {@code AT+CGMI} answer; unknown makers get {@link #GENERIC}.
 *
 * @param id            short name for logs and {@code modem check}
 * @param makerTokens   lower-case fragments of the {@code AT+CGMI} answer that select this profile
 * @param extraInit     commands sent after the identity queries; an ERROR there is logged and ignored
 * @param busyCodes     {@code +CME/+CMS ERROR} codes that mean "busy, initialising: wait and ask again" while the
 *                      SIM starts (TS 27.007 §9.2: 14 SIM busy; TS 27.005 §3.2.5: 314); some makers add 515
 * @param iccidCommands the commands that read the SIM's ICCID, tried in order (TS 27.007 has no such command:
 *                      every maker spells it its own way)
 * @param pinRetries    how this maker reports the PIN attempts left; {@link PinRetries#STANDARD} is tried after it
 */
public record VendorProfile(String id, List<String> makerTokens, List<String> extraInit, Set<Integer> busyCodes,
                            List<String> iccidCommands, PinRetries pinRetries) {

    /**
     * A command answering the PIN attempts left: the {@code field}-th comma-separated value after
     * {@code prefix} (0-based).
     */
    public record PinRetries(String command, String prefix, int field) {
        /** TS 27.007 §8.65 {@code +CPINR: <code>,<retries>,<default retries>}. */
        public static final PinRetries STANDARD = new PinRetries("AT+CPINR=\"SIM PIN\"", "+CPINR:", 1);
    }

    private static final Set<Integer> BUSY = Set.of(14, 314);
    private static final Set<Integer> BUSY_515 = Set.of(14, 314, 515);
    private static final List<String> ICCID = List.of("AT+CCID", "AT+ICCID");

    public static final VendorProfile GENERIC = new VendorProfile("generic", List.of(), List.of(), BUSY, ICCID,
            PinRetries.STANDARD);

    /** Ordered: the first whose token appears in the maker string wins. */
    public static final List<VendorProfile> KNOWN = List.of(
            // Huawei E3xx/E1xx sticks flood the AT port with ^RSSI, ^BOOT, ^MODE, ^DSFLOWRPT unless ^CURC=0;
            // ^CPIN: <code>,<times>,<puk_times>,<pin_times>,<puk2_times>,<pin2_times>
            new VendorProfile("huawei", List.of("huawei"), List.of("AT^CURC=0"), BUSY,
                    List.of("AT^ICCID?", "AT+CCID"), new PinRetries("AT^CPIN?", "^CPIN:", 3)),
            // SIMCom SIM800/SIM7600: keep the module awake (sleep mode drops the first bytes of a command);
            // +SPIC: <pin1>,<puk1>,<pin2>,<puk2>
            new VendorProfile("simcom", List.of("simcom", "sim com"), List.of("AT+CSCLK=0"), BUSY, ICCID,
                    new PinRetries("AT+SPIC", "+SPIC:", 0)),
            // Quectel EC2x/UC20: SMS URCs on the AT port we talk to, not on the modem (PPP) port;
            // +QPINC: "SC",<pin counter>,<puk counter>
            new VendorProfile("quectel", List.of("quectel"), List.of("AT+QURCCFG=\"urcport\",\"usbat\""), BUSY,
                    List.of("AT+QCCID", "AT+CCID"), new PinRetries("AT+QPINC=\"SC\"", "+QPINC:", 1)),
            // Sierra Wireless / Wavecom Fastrack: silence +WIND indications; 515 means "initialising, wait"
            new VendorProfile("wavecom", List.of("wavecom", "sierra"), List.of("AT+WIND=0"), BUSY_515, ICCID,
                    PinRetries.STANDARD),
            // ZTE MF sticks: no quirk needed for SMS beyond the CNMI fallbacks
            new VendorProfile("zte", List.of("zte"), List.of(), BUSY, List.of("AT+ZGETICCID", "AT+CCID"),
                    PinRetries.STANDARD),
            // Cinterion / Siemens / Gemalto / Thales: 515 also means busy during start-up; ^SPIC: <attempts>
            new VendorProfile("cinterion", List.of("cinterion", "siemens", "gemalto", "thales"), List.of(), BUSY_515,
                    List.of("AT^SCID", "AT+CCID"), new PinRetries("AT^SPIC", "^SPIC:", 0)));

    public static VendorProfile forMaker(String maker) {
        String m = maker == null ? "" : maker.toLowerCase(Locale.ROOT);
        for (VendorProfile p : KNOWN) {
            for (String token : p.makerTokens) {
                if (m.contains(token)) {
                    return p;
                }
            }
        }
        return GENERIC;
    }

    /** Whether {@code code} means "busy, ask again" for this maker. */
    public boolean busy(int code) {
        return busyCodes.contains(code);
    }
}

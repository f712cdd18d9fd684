package org.comptoir.gateway.modem;

import java.util.List;
import java.util.Locale;

/**
 * Known initialisation quirks per maker, as data (the idea of smslib's {@code modem.properties} and
 * gammu's {@code gsmphones.c}). Chosen from the {@code AT+CGMI} answer; unknown makers get {@link #GENERIC}.
 *
 * @param id          short name for logs and {@code modem check}
 * @param makerTokens lower-case fragments of the {@code AT+CGMI} answer that select this profile
 * @param extraInit   commands sent after the identity queries; an ERROR there is logged and ignored
 * @param busyIs515   the vendor answers {@code +CME/+CMS ERROR: 515} for "busy, initialising": wait and retry
 */
public record VendorProfile(String id, List<String> makerTokens, List<String> extraInit, boolean busyIs515) {

    public static final VendorProfile GENERIC = new VendorProfile("generic", List.of(), List.of(), false);

    /** Ordered: the first whose token appears in the maker string wins. */
    public static final List<VendorProfile> KNOWN = List.of(
            // Huawei E3xx/E1xx sticks flood the AT port with ^RSSI, ^BOOT, ^MODE, ^DSFLOWRPT unless ^CURC=0
            new VendorProfile("huawei", List.of("huawei"), List.of("AT^CURC=0"), false),
            // SIMCom SIM800/SIM7600: keep the module awake (sleep mode drops the first bytes of a command)
            new VendorProfile("simcom", List.of("simcom", "sim com"), List.of("AT+CSCLK=0"), false),
            // Quectel EC2x/UC20: SMS URCs on the AT port we talk to, not on the modem (PPP) port
            new VendorProfile("quectel", List.of("quectel"), List.of("AT+QURCCFG=\"urcport\",\"usbat\""), false),
            // Sierra Wireless / Wavecom Fastrack: silence +WIND indications; 515 means "initialising, wait"
            new VendorProfile("wavecom", List.of("wavecom", "sierra"), List.of("AT+WIND=0"), true),
            // ZTE MF sticks: no quirk needed for SMS beyond the CNMI fallbacks
            new VendorProfile("zte", List.of("zte"), List.of(), false),
            // Cinterion / Siemens / Gemalto / Thales: 515 also means busy during start-up
            new VendorProfile("cinterion", List.of("cinterion", "siemens", "gemalto", "thales"), List.of(), true));

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
}

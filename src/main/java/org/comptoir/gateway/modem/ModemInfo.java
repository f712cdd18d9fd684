package org.comptoir.gateway.modem;

/**
 * What initialisation found, for {@code modem check} and the set-up assistant.
 *
 * @param maker            {@code AT+CGMI}
 * @param model            {@code AT+CGMM}
 * @param revision         {@code AT+CGMR}
 * @param operator         network name ({@code AT+COPS?} alphanumeric), empty when unknown
 * @param operatorNumeric  MCC+MNC ({@code 20801}), empty when unknown
 * @param simCountryMcc    the SIM's home MCC from {@code AT+CIMI} (first three digits), empty when unknown
 * @param rssi             {@code AT+CSQ} raw value, 99 unknown
 * @param registration     {@code +CREG} stat (1 home, 5 roaming)
 * @param profile          vendor profile applied
 */
public record ModemInfo(String maker, String model, String revision, String operator, String operatorNumeric,
                        String simCountryMcc, int rssi, int registration, String profile) {

    /** France's mobile country code (ITU E.212). */
    public static final String FRANCE_MCC = "208";

    /** 0 to 5 bars from {@code +CSQ} rssi (TS 27.007 §8.5: 0 ≤ −113 dBm … 31 ≥ −51 dBm, 99 unknown). */
    public int signalBars() {
        return bars(rssi);
    }

    public static int bars(int rssi) {
        if (rssi < 2 || rssi == 99 || rssi > 31) {
            return 0;
        }
        if (rssi < 10) {
            return 1;
        }
        if (rssi < 15) {
            return 2;
        }
        if (rssi < 20) {
            return 3;
        }
        return rssi < 25 ? 4 : 5;
    }

    /** False for rssi 99 ("not known or not detectable", TS 27.007 §8.5): say "unknown", not "very weak". */
    public boolean signalKnown() {
        return rssi >= 0 && rssi <= 31;
    }

    /** dBm for a valid rssi, else null. */
    public Integer dbm() {
        return rssi >= 0 && rssi <= 31 ? -113 + 2 * rssi : null;
    }

    /** A French SIM (by IMSI, else by the network it is home-registered on): §0 rules apply. */
    public boolean frenchSim() {
        if (!simCountryMcc.isEmpty()) {
            return simCountryMcc.equals(FRANCE_MCC);
        }
        return operatorNumeric.startsWith(FRANCE_MCC) && registration != 5;
    }
}

package org.comptoir.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.comptoir.gateway.modem.PinGuard;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;

/**
 * The PINs each SIM card refused, kept in the sealed setting {@code modem.pin-refused} so a wrong PIN is never
 * offered to that card again, in this run or the next (three refusals block the SIM). Each entry is a SHA-256
 * of ICCID and PIN, not the PIN; the setting is sealed like the PIN itself, since a 4-digit PIN is easy to find
 * back from its hash. A new PIN typed by the owner is another entry, so it is offered once.
 *
 * <p>Blocks on the database; called on the thread that connects the modem.
 */
public final class ModemPinMemory implements PinGuard {

    /** Enough for every SIM a shop will ever put in its modem; the oldest entries go first. */
    private static final int KEPT = 50;

    private final Settings settings;

    public ModemPinMemory(Settings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized boolean refused(String iccid, String pin) {
        return entries().contains(entry(iccid, pin));
    }

    @Override
    public synchronized void refusedNow(String iccid, String pin) {
        Set<String> all = entries();
        all.add(entry(iccid, pin));
        while (all.size() > KEPT) {
            all.remove(all.iterator().next());
        }
        settings.set(ModemSettings.PIN_REFUSED, String.join(",", all));
    }

    private Set<String> entries() {
        String v = settings.get(ModemSettings.PIN_REFUSED);
        Set<String> out = new LinkedHashSet<>();
        if (!v.isBlank()) {
            out.addAll(Arrays.asList(v.split(",")));
        }
        return out;
    }

    /** An unreadable ICCID ("") still keys the entry: the same modem, the same unknown SIM. */
    static String entry(String iccid, String pin) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((iccid + ":" + pin).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

package org.comptoir.e2e;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.comptoir.gateway.modem.SocatPair;
import org.comptoir.gateway.modem.emulator.ModemEmulator;

/**
 * The {@link Shop} with the setting {@code gateway=modem} on a socat pseudo-terminal that the project's modem emulator
 * answers through jSerialComm: what the shop sends is what the emulator received with AT+CMGS.
 */
final class ShopOverModem extends Shop {

    SocatPair socat;
    volatile ModemEmulator emulator;

    ShopOverModem(Path dir, Instant start) throws IOException, InterruptedException {
        super(dir, start);
        plug();
        open();
        settings.set("gateway", "modem");
        settings.set("modem.port", socat.app.toString());
        settings.set("modem.status-reports", "false");
    }

    /** (Re)connects the emulator behind a fresh pseudo-terminal on the same path; the SIM's state carries over. */
    void plug() throws IOException, InterruptedException {
        if (socat != null) {
            socat.kill();
        }
        Files.createDirectories(dir.resolve("pty"));
        socat = new SocatPair(dir.resolve("pty")).start();
        ModemEmulator fresh = new ModemEmulator(new FileInputStream(socat.modem.toFile()),
                new FileOutputStream(socat.modem.toFile()));
        if (emulator != null) {
            fresh.takeOver(emulator);
            emulator.close();
        }
        emulator = fresh;
    }

    /** What the modem sent, one entry per part, in order. */
    List<ModemEmulator.Sent> sent() {
        return emulator.sent();
    }

    List<String> textsTo(String e164) {
        return sent().stream().filter(s -> s.destination().equals(e164)).map(ModemEmulator.Sent::text).toList();
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            if (socat != null) {
                socat.close();
            }
        }
    }
}

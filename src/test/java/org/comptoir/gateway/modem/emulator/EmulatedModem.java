package org.comptoir.gateway.modem.emulator;

import org.comptoir.gateway.modem.SerialLink;
import org.comptoir.gateway.modem.StreamLink;

/** An emulator and the app-side link to it over two in-memory pipes; {@link #reconnect} plugs a fresh one. */
public final class EmulatedModem implements AutoCloseable {

    private ModemEmulator emulator;
    private StreamLink link;

    public EmulatedModem() {
        plug();
    }

    /** A new modem on new pipes (as if the stick was pulled and plugged back). */
    public synchronized SerialLink plug() {
        MemoryPipe toModem = new MemoryPipe();
        MemoryPipe toApp = new MemoryPipe();
        emulator = new ModemEmulator(toModem.input(), toApp.output());
        link = new StreamLink("emulator", toApp.input(), toModem.output());
        return link;
    }

    public synchronized ModemEmulator emulator() {
        return emulator;
    }

    public synchronized SerialLink link() {
        return link;
    }

    @Override
    public synchronized void close() {
        emulator.close();
        link.close();
    }
}

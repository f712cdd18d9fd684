package org.comptoir.gateway.modem;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte pipe to a modem: a real serial port ({@link JSerialCommLink}) or any pair of streams
 * ({@link StreamLink}, used by tests and the emulator). Reading blocks until bytes arrive; a read returns
 * -1 or throws once the link is gone.
 */
public interface SerialLink extends AutoCloseable {

    String name();

    InputStream input();

    OutputStream output();

    /** False once closed or once the device vanished. */
    boolean isOpen();

    /** Idempotent, never throws; unblocks a pending read. */
    @Override
    void close();
}

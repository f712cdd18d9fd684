package org.comptoir.gateway.modem;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real serial port through jSerialComm, 115200 8N1. Reads use semi-blocking timeouts so a closed or
 * vanished port is noticed within {@link #READ_TIMEOUT_MS} instead of blocking forever.
 */
public final class JSerialCommLink implements SerialLink {

    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommLink.class);
    static final int READ_TIMEOUT_MS = 200;

    private final SerialPort port;
    private final String name;
    private volatile boolean open;
    private boolean closed;
    private final InputStream in = new PortInput();
    private final OutputStream out = new PortOutput();

    private JSerialCommLink(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /**
     * Opens {@code portName} ({@code COM3}, {@code /dev/ttyUSB0}, or a pty path). Blocks briefly; throws
     * {@link ComptoirException} when the port does not exist or is busy.
     */
    public static JSerialCommLink open(String portName) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(portName);
        } catch (RuntimeException e) {
            throw new ComptoirException(UserMessage.of("modem.port.missing", portName), e);
        }
        port.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!port.openPort()) {
            // jSerialComm says only "no": a port that is not there is unplugged, not busy
            throw new ComptoirException(UserMessage.of(present(portName) ? "modem.port.busy" : "modem.port.missing",
                    portName));
        }
        JSerialCommLink link = new JSerialCommLink(port, portName);
        link.open = true;
        // jSerialComm repeats this event until the port is closed (STACK.md). Closing here would deadlock:
        // removeDataListener() waits for this very event thread. Mark the link gone instead; the reader
        // notices within READ_TIMEOUT_MS and closes the port from its own thread.
        port.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                if (link.open) {
                    LOG.warn("Serial port {} disconnected", portName);
                    link.open = false;
                }
            }
        });
        return link;
    }

    /** Whether the system still has {@code portName}: a device file on Unix, a listed port on Windows. */
    static boolean present(String portName) {
        if (portName.contains("/")) {
            return java.nio.file.Files.exists(java.nio.file.Path.of(portName));
        }
        for (SerialPort p : SerialPort.getCommPorts()) {
            if (p.getSystemPortName().equalsIgnoreCase(portName)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public boolean isOpen() {
        return open && port.isOpen();
    }

    @Override
    public synchronized void close() {
        open = false;
        if (!closed) {
            closed = true;
            port.removeDataListener();
            port.closePort();
        }
    }

    private final class PortInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (open) {
                int n = port.readBytes(b, len, off);
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    close();
                    return -1;
                }
                // n == 0: the semi-blocking timeout elapsed with no data; look again unless closed
            }
            return -1;
        }
    }

    private final class PortOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                if (!open) {
                    throw new IOException("serial port " + name + " is closed");
                }
                int n = port.writeBytes(b, len - done, off + done);
                if (n <= 0) {
                    close();
                    throw new IOException("serial port " + name + " refused the write");
                }
                done += n;
            }
        }
    }
}

package org.comptoir.gateway.modem;

import java.util.List;

/**
 * A command that did not end in {@code OK}. {@link #pduWritten()} tells whether the bytes of a PDU had
 * already gone to the modem, in which case the message may have left (so its fate is unknown).
 */
public class AtException extends Exception {

    private final transient List<String> partialLines;
    private final boolean pduWritten;

    AtException(String message, List<String> partialLines, boolean pduWritten, Throwable cause) {
        super(message, cause);
        this.partialLines = List.copyOf(partialLines);
        this.pduWritten = pduWritten;
    }

    /** The intermediate lines received before the failure. */
    public List<String> partialLines() {
        return partialLines;
    }

    public boolean pduWritten() {
        return pduWritten;
    }

    /** No final result within the command's timeout. */
    public static final class Timeout extends AtException {
        Timeout(String command, List<String> partial, boolean pduWritten) {
            super("no answer to " + command, partial, pduWritten, null);
        }
    }

    /** The port closed, vanished, or a write failed. */
    public static final class LinkLost extends AtException {
        LinkLost(String command, List<String> partial, boolean pduWritten, Throwable cause) {
            super("link lost during " + command, partial, pduWritten, cause);
        }
    }

    /** The modem answered {@code ERROR}, {@code +CME ERROR} or {@code +CMS ERROR}. */
    public static final class Error extends AtException {
        private final transient ModemErrors.Code code;

        Error(String command, ModemErrors.Code code, List<String> partial, boolean pduWritten) {
            super(command + " -> " + code, partial, pduWritten, null);
            this.code = code;
        }

        public ModemErrors.Code code() {
            return code;
        }
    }
}

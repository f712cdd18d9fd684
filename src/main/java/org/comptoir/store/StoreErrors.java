package org.comptoir.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** H2's error codes turned into a sentence for the shop owner that names the file and says what to do. */
final class StoreErrors {

    private static final Logger LOG = LoggerFactory.getLogger(StoreErrors.class);

    /** H2 error codes worth a sentence (see STACK.md, and org.h2.api.ErrorCode). */
    static final int FILE_LOCKED = 90020;
    static final int WRONG_FILE_PASSWORD = 90049;
    static final int WRONG_USER_PASSWORD = 28000;
    static final int FILE_CORRUPTED = 90030;
    static final int IO_EXCEPTION_1 = 90028;
    static final int IO_EXCEPTION_2 = 90031;
    static final int READ_ONLY = 90097;
    static final int NOT_FOUND_IF_EXISTS = 90146;
    static final int GENERAL_ERROR = 50000;
    static final int CONNECTION_BROKEN = 90067;

    private StoreErrors() {
    }

    static ComptoirException translate(SQLException e, Path file) {
        return translate(e, file.toString());
    }

    /** As {@link #translate(SQLException, Path)} for a store named by its file, server or URL. */
    static ComptoirException translate(SQLException e, String where) {
        String key = unreachable(e) ? "store.unreachable" : key(e);
        if (!"store.locked".equals(key) && !"store.unreachable".equals(key)) {
            LOG.error("Database error {} on {}", e.getErrorCode(), where, e);
        } else if ("store.unreachable".equals(key)) {
            LOG.warn("Store {} unreachable: {}", where, e.toString());
        }
        return new ComptoirException(UserMessage.of(key, where, "store.unreachable".equals(key) ? reason(e)
                : String.valueOf(e.getMessage())), e);
    }

    /**
     * Why a server cannot be reached, in the words of the network layer ("Connection refused", "Read timed out")
     * rather than a driver's wrapped exception text, which means nothing to a shop owner.
     */
    static String reason(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        String text = String.valueOf(e.getMessage());
        // H2 puts the cause's text in its own: 'Connection is broken: "java.net.ConnectException: refused" [90067-232]'
        return text.replaceAll("\\s*\\[\\d+-\\d+\\]$", "").replaceAll("\"?[\\w.$]+(Exception|Error): ?", "")
                .replace("\"", "").strip();
    }

    /** Opening a store on a server (shop server or PostgreSQL): a refused login or a missing database is named. */
    static ComptoirException translateRemote(SQLException e, String where) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String key;
        if (unreachable(e)) {
            key = "store.unreachable";
        } else if (state.startsWith("28") || e.getErrorCode() == WRONG_USER_PASSWORD
                || e.getErrorCode() == WRONG_FILE_PASSWORD) {
            key = "store.login.refused";
        } else if ("3D000".equals(state) || e.getErrorCode() == NOT_FOUND_IF_EXISTS) {
            key = "store.remote.missing";
        } else {
            key = "store.error";
        }
        LOG.warn("Opening the store {} failed: {}", where, e.toString());
        return new ComptoirException(UserMessage.of(key, where, "store.unreachable".equals(key) ? reason(e)
                : String.valueOf(e.getMessage())), e);
    }

    /** The server is not there, or the connection to it broke (H2: 90067 "connection broken"; SQL state 08xxx). */
    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == CONNECTION_BROKEN
                    || (s.getSQLState() != null && s.getSQLState().startsWith("08")))) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The {@code store.*} message key for an H2 failure. */
    static String key(SQLException e) {
        return switch (e.getErrorCode()) {
            case FILE_LOCKED -> "store.locked";
            case WRONG_FILE_PASSWORD, WRONG_USER_PASSWORD -> "store.key.mismatch";
            case FILE_CORRUPTED -> "store.corrupted";
            case READ_ONLY -> "store.read.only";
            case IO_EXCEPTION_1, IO_EXCEPTION_2 -> "store.io";
            case NOT_FOUND_IF_EXISTS -> "store.database.missing";
            default -> damaged(e) ? "store.corrupted" : "store.error";
        };
    }

    /** MVStore reports a broken file as a general error carrying an MVStoreException. */
    private static boolean damaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.h2.mvstore.")) {
                return true;
            }
        }
        return false;
    }
}

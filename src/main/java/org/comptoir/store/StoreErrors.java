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

    private StoreErrors() {
    }

    static ComptoirException translate(SQLException e, Path file) {
        String key = key(e);
        if (!"store.locked".equals(key)) {
            LOG.error("Database error {} on {}", e.getErrorCode(), file, e);
        }
        return new ComptoirException(UserMessage.of(key, file, String.valueOf(e.getMessage())), e);
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

package org.comptoir.backup;

import java.nio.file.Path;
import java.util.Optional;
import org.comptoir.consent.VerifyReport;
import org.comptoir.store.LedgerHead;

/**
 * Opens a data folder as the application would (migrations included), checks its consent ledger and closes it.
 * The application's wiring supplies it, so restore verifies with the very services the application runs.
 */
@FunctionalInterface
public interface StoreCheck {

    /**
     * @param folder     a complete data folder (database and key files)
     * @param checkpoint a head the ledger should extend, or null
     * @return the ledger's verification, its head, and the hash of its event {@code checkpoint.seq} if any
     */
    Result check(Path folder, LedgerHead checkpoint);

    record Result(VerifyReport report, LedgerHead head, Optional<String> hashAtCheckpoint) {
    }
}

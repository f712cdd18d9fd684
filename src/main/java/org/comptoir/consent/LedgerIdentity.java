package org.comptoir.consent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a store to its ledger key (DESIGN.md invariant 8): the store records the key's fingerprint, and a start
 * with no key, or another key, is refused with a message saying what to restore. A new key is made only for a
 * store with no ledger, no state and no contact; a store made before fingerprints existed adopts its key once,
 * after checking that its contacts' numbers map to their subjects under it.
 */
final class LedgerIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerIdentity.class);

    /** Contacts checked when a store adopts its key: a wrong key maps none of them. */
    private static final int ADOPTION_SAMPLE = 50;

    private LedgerIdentity() {
    }

    private record HeadRow(long lastSeq, String fingerprint) {
    }

    static SubjectKey bind(Database db) {
        Path file = db.dataDir().resolve(SubjectKey.FILE_NAME);
        Path dbFile = db.databaseFile();
        return db.inTransaction(c -> {
            HeadRow head = Jdbc.queryOne(c, "SELECT last_seq, key_fingerprint FROM consent_ledger_head WHERE id = 1 "
                    + "FOR UPDATE", rs -> new HeadRow(rs.getLong(1), rs.getString(2)))
                    .orElseThrow(() -> new ComptoirException(UserMessage.of("consent.store.head.missing", dbFile)));
            if (!Files.exists(file)) {
                boolean hasData = head.lastSeq() > 0 || head.fingerprint() != null
                        || Jdbc.queryLong(c, "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM consent_event LIMIT 1) e) "
                        + "+ (SELECT COUNT(*) FROM (SELECT 1 FROM consent_state LIMIT 1) s) "
                        + "+ (SELECT COUNT(*) FROM (SELECT 1 FROM contact LIMIT 1) k)") > 0; // PostgreSQL 15 wants the aliases
                if (hasData) {
                    throw new ComptoirException(UserMessage.of("consent.key.missing", file, dbFile));
                }
                SubjectKey fresh = SubjectKey.create(file);
                record(c, fresh);
                return fresh;
            }
            SubjectKey key = SubjectKey.read(file);
            if (head.fingerprint() == null) {
                List<String[]> sample = Jdbc.query(c, "SELECT phone_e164, subject FROM contact ORDER BY id LIMIT ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2)}, ADOPTION_SAMPLE);
                boolean anyMaps = sample.isEmpty() || sample.stream().anyMatch(row -> PhoneNumber.ofE164(row[0])
                        .map(n -> key.subjectOf(n).equals(row[1])).orElse(false));
                if (!anyMaps) {
                    throw new ComptoirException(UserMessage.of("consent.key.mismatch", file, dbFile));
                }
                record(c, key);
                LOG.info("Ledger key fingerprint recorded for a store made before fingerprints");
            } else if (!head.fingerprint().equals(key.fingerprint())) {
                throw new ComptoirException(UserMessage.of("consent.key.mismatch", file, dbFile));
            }
            return key;
        });
    }

    private static void record(java.sql.Connection c, SubjectKey key) throws java.sql.SQLException {
        Jdbc.update(c, "UPDATE consent_ledger_head SET key_fingerprint = ? WHERE id = 1", key.fingerprint());
    }
}

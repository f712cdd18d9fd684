package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.comptoir.i18n.ComptoirException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till that loses its PostgreSQL server says so plainly and records nothing meanwhile (the write fails, it is never
 * kept aside to be sent later), then works again by itself when the server is back: the pool drops the dead
 * connections instead of handing them out.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class LostServerTest {

    @TempDir
    Path dir;

    @Test
    void aLostServerIsSaidPlainlyNothingIsRecordedAndTheTillRecoversWhenItReturns(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        try (Database db = Database.open(dir, StoreTarget.postgresql(url, PostgresServer.USER, PostgresServer.PASSWORD),
                true)) {
            assertThat(audit(db, "BEFORE")).isEqualTo(1);
            pg.stop();
            try {
                assertThatThrownBy(() -> audit(db, "DURING")).isInstanceOf(ComptoirException.class)
                        .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("store.unreachable");
                assertThatThrownBy(() -> audit(db, "DURING")).as("every try, not only the first")
                        .isInstanceOf(ComptoirException.class)
                        .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("store.unreachable");
            } finally {
                pg.restart();
            }
            assertThat(audit(db, "AFTER")).isEqualTo(1);
            java.util.List<String> actions = db.withConnection(c -> Jdbc.query(c,
                    "SELECT action FROM audit WHERE actor = 'lost-server-test' ORDER BY id", rs -> rs.getString(1)));
            assertThat(actions).containsExactly("BEFORE", "AFTER");
        }
    }

    @Test
    void aSharedStoreIsNotBackedUpFromATill(PostgresServer pg) throws Exception {
        try (Database db = Database.open(dir, StoreTarget.postgresql(pg.newDatabase(), PostgresServer.USER,
                PostgresServer.PASSWORD), true)) {
            Path zip = dir.resolve("backup.zip");
            assertThatThrownBy(() -> Backups.backupTo(db, zip)).isInstanceOf(ComptoirException.class)
                    .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("store.backup.shared");
            assertThat(zip).doesNotExist();
        }
    }

    private static int audit(Database db, String action) {
        return db.inTransaction(c -> Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action) VALUES (?, ?, ?)",
                Instant.now(), "lost-server-test", action));
    }
}

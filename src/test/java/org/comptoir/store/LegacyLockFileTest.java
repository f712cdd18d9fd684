package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder where an earlier version was killed or switched off keeps that version's comptoir.lock.db; the
 * store must open after the upgrade (found opening a real data folder of the previous build), and a store really in
 * use must still be refused.
 */
class LegacyLockFileTest {

    @TempDir
    Path dir;

    /** What H2's FILE_LOCK=FILE wrote, as found in a data folder after the previous build was killed. */
    private static final String STALE = "#FileLock\n#Tue Dec 01 22:08:49 UTC 2026\nmethod=file\n"
            + "id=1a233a73c56b21209635899d0f94656cba7ad90ce17\n";

    @Test
    void aLockFileLeftByAKilledEarlierVersionNoLongerKeepsTheShopOut() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            db.withConnection(c -> {
                Jdbc.update(c, "INSERT INTO audit (occurred_at, actor, action, detail) VALUES "
                        + "(CURRENT_TIMESTAMP, 'test', 'TEST', 'kept')");
                return null;
            });
        }
        Files.writeString(data.resolve("comptoir.lock.db"), STALE);

        try (Database db = Database.open(data)) {
            long kept = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM audit WHERE detail = 'kept'"));
            assertThat(kept).isEqualTo(1);
        }
        assertThat(data.resolve("comptoir.lock.db")).doesNotExist();
    }

    /** A second process is refused by the operating system's lock (SecondInstanceTest); the old file is not touched. */
    @Test
    void whileTheStoreIsOpenTheLockFileIsLeftAlone() throws Exception {
        Path data = dir.resolve("data");
        try (Database first = Database.open(data)) {
            Files.writeString(data.resolve("comptoir.lock.db"), STALE);
            LegacyLockFile.clearIfStale(new StoreFiles(data));
            assertThat(data.resolve("comptoir.lock.db")).as("not ours to remove while the store is open").exists();
        }
    }
}

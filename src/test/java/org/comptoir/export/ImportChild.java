package org.comptoir.export;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.comptoir.AppContext;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/**
 * The process {@link ImportInterruptedTest} kills with SIGKILL in the middle of an import: opens the store and imports
 * the file in transactions of the given size, printing {@code WRITTEN n} (flushed) at each progress step of the writing pass, so the
 * parent kills it at a known point of the file rather than after a guessed delay.
 *
 * <p>Arguments: data folder, file, rows per transaction.
 */
public final class ImportChild {

    private ImportChild() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Path file = Path.of(args[1]);
        int chunk = Integer.parseInt(args[2]);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(data)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            ConsentService consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
            ImportService imports = new ImportService(db, consent, settings, clock, ExportFixture.PARIS,
                    SourceReader.MAX_ROWS, chunk);
            imports.importContacts(file, Map.of(), false, null, "owner", new Progress() {
                @Override
                public void update(long done, long total) {
                    if (total > 0 && done > total / 2) {
                        System.out.println("WRITTEN " + (done - total / 2));
                        System.out.flush();
                    }
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
            System.out.println("DONE");
        }
    }
}

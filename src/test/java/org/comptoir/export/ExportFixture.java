package org.comptoir.export;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.comptoir.AppContext;
import org.comptoir.MutableClock;
import org.comptoir.consent.ConsentService;
import org.comptoir.consent.SubjectKey;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;

/** A real store (an H2 file in a temporary folder unless given another) with the consent and export services, a clock the test moves. */
final class ExportFixture implements AutoCloseable {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final Database db;
    final Settings settings;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:15:30.123456Z"));
    final ConsentService consent;
    final ExportService export;
    final ImportService imports;
    final PhoneNumbers numbers = new PhoneNumbers("FR");

    ExportFixture(Path dir) {
        this(Database.open(dir));
    }

    /** Over a store already open (a PostgreSQL one, say); closing the fixture closes it. */
    ExportFixture(Database db) {
        this.db = db;
        settings = new Settings(db, AppContext.settingDefinitions());
        settings.set("shop.name", "Léa Fleurs");
        consent = new ConsentService(db, settings, SubjectKey.forStore(db), clock);
        export = new ExportService(db, consent, settings, clock, PARIS);
        imports = new ImportService(db, consent, settings, clock, PARIS);
    }

    long count(String sql, Object... params) {
        return db.withConnection(c -> Jdbc.queryLong(c, sql, params));
    }

    /** Every row of every table an import may touch, as text: equal before and after means nothing changed. */
    String dump() {
        StringBuilder out = new StringBuilder();
        for (String sql : new String[] {"SELECT * FROM contact ORDER BY id", "SELECT * FROM contact_tag ORDER BY contact_id, tag",
                "SELECT * FROM consent_event ORDER BY seq", "SELECT * FROM consent_state ORDER BY subject",
                "SELECT * FROM consent_ledger_head", "SELECT * FROM consent_wording ORDER BY id",
                "SELECT * FROM audit ORDER BY id"}) {
            out.append(sql).append('\n');
            db.withConnection(c -> Jdbc.query(c, sql, rs -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append(" | ");
                }
                return row.toString();
            })).forEach(r -> out.append(r).append('\n'));
        }
        return out.toString();
    }

    @Override
    public void close() {
        db.close();
    }
}

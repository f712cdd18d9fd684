package org.comptoir.consent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.MutableClock;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;

/** A real H2 file store in a temporary folder, with a clock the test moves. */
final class ConsentFixture implements AutoCloseable {

    final Database db;
    final Settings settings;
    final SubjectKey key;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:15:30.123456789Z"));
    final ConsentService consent;
    final ContactDirectory contacts;

    ConsentFixture(Path dir) {
        db = Database.open(dir);
        List<SettingDefinition> definitions = new ArrayList<>(CoreSettings.DEFINITIONS);
        definitions.addAll(ConsentSettings.DEFINITIONS);
        settings = new Settings(db, definitions);
        settings.set("shop.name", "Léa Fleurs");
        key = SubjectKey.forStore(db);
        consent = new ConsentService(db, settings, key, clock);
        contacts = new ContactDirectory(db);
    }

    static PhoneNumber number(String e164) {
        return new PhoneNumber(e164);
    }

    @Override
    public void close() {
        db.close();
    }
}

package org.comptoir.consent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.comptoir.phone.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
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
        key = SubjectKey.loadOrCreate(dir);
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

    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

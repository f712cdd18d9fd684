package org.comptoir.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness;
import org.comptoir.store.Database;
import org.comptoir.store.Dialect;
import org.comptoir.store.Jdbc;
import org.comptoir.store.PostgresServer;
import org.comptoir.store.StoreTarget;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shop-wide and per-till settings: the shop's name, wording, caps and gateway are the store's, shared by every till;
 * the staff name, language, modem port and PIN, and backup folder are each PC's. A store made before V21 keeps every
 * value (the till that opens it first keeps its own), and a till that joins later starts from the defaults instead of
 * taking over the first till's modem port or language.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class SettingScopeTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aStoreMadeBeforeV21OpensWithEverySettingIntact() throws Exception {
        Path till = dir.resolve("till");
        Files.createDirectories(till);
        String sealedPin = SecretBox.inFolder(till).seal("1234");
        String url = "jdbc:h2:file:" + till.resolve("comptoir").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        // the schema every shop's store has today (V21 not yet), then the values its owner set
        Flyway.configure().dataSource(url, "comptoir", "").locations("classpath:db/migration").target(beforeV21("classpath:db/migration")).load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "comptoir", "")) {
            for (String[] kv : List.of(OLD_VALUES)) {
                Jdbc.update(c, "INSERT INTO setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)",
                        kv[0], kv[0].equals("modem.pin") ? sealedPin : kv[1], T);
            }
        }
        try (Database db = Database.open(till)) {
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            for (String[] kv : List.of(OLD_VALUES)) {
                assertThat(settings.get(kv[0])).as(kv[0]).isEqualTo(kv[1]);
            }
            String id = TillIdentity.of(till);
            List<String> own = db.withConnection(c -> Jdbc.query(c, "SELECT setting_key FROM till_setting WHERE "
                    + "till_id = ? ORDER BY setting_key", rs -> rs.getString(1), id));
            assertThat(own).containsExactly("modem.pin", "modem.port", "till.staff", "ui.language");
            long left = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM setting WHERE setting_key IN "
                    + "('modem.port', 'ui.language', 'till.staff', 'modem.pin')"));
            assertThat(left).as("moved, not copied").isZero();
        }
        try (Database db = Database.open(till)) { // and again, now that they are this till's
            Settings settings = new Settings(db, AppContext.settingDefinitions());
            assertThat(settings.get(ModemSettings.PORT)).isEqualTo("/dev/ttyUSB0");
            assertThat(settings.get(ModemSettings.PIN)).isEqualTo("1234");
        }
    }

    @Test
    void aTillJoiningAChainsServerKeepsItsOwnModemAndLanguageAndSharesTheShops(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        // a chain's store made before V21, whose first till had set everything
        Flyway.configure().dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD)
                .locations(Dialect.POSTGRESQL.migrations()).target(beforeV21(Dialect.POSTGRESQL.migrations())).load().migrate();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            for (String[] kv : List.of(OLD_VALUES)) {
                if (!kv[0].equals("modem.pin")) {
                    Jdbc.update(c, "INSERT INTO setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)",
                            kv[0], kv[1], T);
                }
            }
        }
        StoreTarget store = StoreTarget.postgresql(url, PostgresServer.USER, PostgresServer.PASSWORD);
        try (Database first = Database.open(dir.resolve("till-1"), store, true);
             Database second = Database.open(dir.resolve("till-2"), store, true)) {
            Settings atFirst = new Settings(first, AppContext.settingDefinitions());
            assertThat(atFirst.get(ModemSettings.PORT)).as("the first till keeps its values").isEqualTo("/dev/ttyUSB0");
            Settings atSecond = new Settings(second, AppContext.settingDefinitions());
            assertThat(atSecond.get(ModemSettings.PORT)).as("never another till's modem port").isEmpty();
            assertThat(atSecond.get(CoreSettings.UI_LANGUAGE)).isEqualTo("fr");
            assertThat(atSecond.get(TillSettings.TILL_STAFF)).isEqualTo("caisse");
            assertThat(atSecond.get(CoreSettings.SHOP_NAME)).as("the shop's name is the store's")
                    .isEqualTo("Fleurs du Marché");
            assertThat(atSecond.get("campaign.frequency-cap")).isEqualTo("3");

            atSecond.setAll(Map.of(ModemSettings.PORT, "/dev/ttyACM0", CoreSettings.UI_LANGUAGE, "fr"));
            atFirst.set(CoreSettings.SHOP_NAME, "Fleurs du Marché — Lyon");
            assertThat(atFirst.get(ModemSettings.PORT)).isEqualTo("/dev/ttyUSB0");
            assertThat(atFirst.get(CoreSettings.UI_LANGUAGE)).isEqualTo("en");
            assertThat(atSecond.get(ModemSettings.PORT)).isEqualTo("/dev/ttyACM0");
            assertThat(atSecond.get(CoreSettings.SHOP_NAME)).isEqualTo("Fleurs du Marché — Lyon");
            // a third till opening later still finds nothing of the first one's to claim
            try (Database third = Database.open(dir.resolve("till-3"), store, true)) {
                assertThat(new Settings(third, AppContext.settingDefinitions()).get(ModemSettings.PORT)).isEmpty();
            }
        }
    }

    @Test
    void configListSaysWhichSettingsAreThisTillsOwn() {
        Path till = dir.resolve("till");
        CliHarness.Result list = CliHarness.run(till, "config", "list");
        assertThat(list.code()).as(list.err()).isZero();
        String out = list.out();
        String marker = "cette caisse seulement";
        if (!out.contains(marker)) {
            marker = "this till only";
        }
        assertThat(block(out, "modem.port")).contains(marker);
        assertThat(block(out, "ui.language")).contains(marker);
        assertThat(block(out, "till.staff")).contains(marker);
        assertThat(block(out, "store.mode")).contains(marker);
        assertThat(block(out, "shop.name")).doesNotContain(marker);
        assertThat(block(out, "optout.mention")).doesNotContain(marker);
        assertThat(block(out, "gateway")).doesNotContain(marker);
    }

    /** The newest migration before V21 in {@code location} (others land V18, V19, ... beside it). */
    private static String beforeV21(String location) {
        MigrationVersion v21 = MigrationVersion.fromVersion("21");
        return java.util.Arrays.stream(Flyway.configure().dataSource("jdbc:h2:mem:before21-" + System.nanoTime(), "sa",
                        "").locations(location).load().info().all()).map(m -> m.getVersion())
                .filter(v -> v.compareTo(v21) < 0).max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    /** A setting's line and its comment lines in {@code config list}. */
    private static String block(String out, String key) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : out.split("\\R")) {
            if (!line.startsWith(" ")) {
                in = line.split("\\s+")[0].equals(key);
            }
            if (in) {
                b.append(line).append('\n');
            }
        }
        assertThat(b).as(key + " listed").isNotEmpty();
        return b.toString();
    }

    private static final String[][] OLD_VALUES = {
            {"shop.name", "Fleurs du Marché"}, {"ui.language", "en"}, {"modem.port", "/dev/ttyUSB0"},
            {"till.staff", "Nina"}, {"modem.pin", "1234"}, {"campaign.frequency-cap", "3"}, {"gateway", "modem"}};
}

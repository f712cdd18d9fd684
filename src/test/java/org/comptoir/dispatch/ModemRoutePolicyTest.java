package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.comptoir.AppContext;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModemRoutePolicyTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;
    Database db;
    Settings settings;
    ModemSendLog log;
    ModemRoutePolicy policy;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        List<SettingDefinition> defs = AppContext.settingDefinitions();
        settings = new Settings(db, defs);
        log = new ModemSendLog(db);
        policy = new ModemRoutePolicy(settings, log, PARIS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theDailyCapCountsPartsAndSendsWhoseFateIsUnknown() {
        settings.set(ModemSettings.MAX_PER_DAY, "4");
        Instant noon = Instant.parse("2026-11-30T11:00:00Z");
        log.record("+33611111111", noon, 3, List.of()); // a 3-part message whose fate is unknown
        assertThat(log.partsBetween(noon, noon.plusSeconds(1))).isEqualTo(3);
        assertThat(policy.check("+33622222222", noon.plusSeconds(60), 1).allowed()).isTrue();
        ModemRoutePolicy.Decision twoParts = policy.check("+33622222222", noon.plusSeconds(60), 2);
        assertThat(twoParts.allowed()).isFalse();
        assertThat(twoParts.reason().key()).isEqualTo("modem.route.cap.day");
    }

    @Test
    void theDailyCapCountsMessagesOfTheLocalDay() {
        settings.set(ModemSettings.MAX_PER_DAY, "2");
        Instant morning = Instant.parse("2026-11-30T07:00:00Z"); // 08:00 in Paris
        log.record("+33611111111", Instant.parse("2026-11-29T22:30:00Z"), List.of("1")); // 23:30 the day before
        log.record("+33611111111", morning, List.of("2"));
        assertThat(policy.check("+33622222222", morning.plusSeconds(60)).allowed()).isTrue();
        log.record("+33622222222", morning.plusSeconds(60), List.of("3", "4"));
        ModemRoutePolicy.Decision d = policy.check("+33633333333", morning.plusSeconds(120));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason().key()).isEqualTo("modem.route.cap.day");
        assertThat(d.notBefore()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    }

    @Test
    void theMonthlyCapCountsDistinctRecipientsAndLetsKnownOnesThrough() {
        settings.set(ModemSettings.MAX_RECIPIENTS_PER_MONTH, "2");
        Instant t = Instant.parse("2026-11-10T10:00:00Z");
        log.record("+33611111111", t, List.of("1"));
        log.record("+33611111111", t.plusSeconds(10), List.of("2"));
        log.record("+33622222222", t.plusSeconds(20), List.of("3"));
        assertThat(policy.check("+33633333333", t.plusSeconds(30)).reason().key()).isEqualTo("modem.route.cap.month");
        assertThat(policy.check("+33611111111", t.plusSeconds(30)).allowed()).isTrue();
        // a new month starts a new count
        assertThat(policy.check("+33633333333", Instant.parse("2026-12-01T08:00:00Z")).allowed()).isTrue();
    }

    @Test
    void gapsStayWithinTheConfiguredBounds() {
        settings.set(ModemSettings.GAP_MIN_SECONDS, "8");
        settings.set(ModemSettings.GAP_MAX_SECONDS, "20");
        Random r = new Random(42);
        for (int i = 0; i < 200; i++) {
            Duration g = policy.nextGap(r);
            assertThat(g).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(20));
        }
        settings.set(ModemSettings.GAP_MIN_SECONDS, "3");
        settings.set(ModemSettings.GAP_MAX_SECONDS, "3");
        assertThat(policy.nextGap(r)).isEqualTo(Duration.ofSeconds(3));
    }
}

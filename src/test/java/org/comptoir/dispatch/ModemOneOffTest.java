package org.comptoir.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.comptoir.AppContext;
import org.comptoir.gateway.SendResult;
import org.comptoir.gateway.modem.ModemGateway;
import org.comptoir.gateway.modem.PtyModem;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.Settings;
import org.comptoir.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-off send on a real H2 store and the emulator behind a socat pseudo-terminal. */
class ModemOneOffTest {

    @TempDir
    Path dir;
    Database db;
    Settings settings;
    ModemSendLog log;
    PtyModem modem;
    ModemGateway gateway;

    @BeforeEach
    void open() throws Exception {
        PtyModem.assumeSocat();
        db = Database.open(dir.resolve("data"));
        settings = new Settings(db, AppContext.settingDefinitions());
        log = new ModemSendLog(db);
        modem = new PtyModem(dir);
        // one second for the network to take a part, so an answer 3 s late leaves the fate unknown
        gateway = modem.gateway(PtyModem.config(Duration.ofSeconds(1)));
    }

    @AfterEach
    void close() throws Exception {
        if (modem != null) {
            modem.close();
        }
        if (db != null) {
            db.close();
        }
    }

    ModemOneOff oneOff() {
        return new ModemOneOff(settings, RouteLimits.modem(new ModemRoutePolicy(settings, log, ZoneId.of("Europe/Paris")),
                log, new java.util.Random()), Clock.systemUTC());
    }

    static final ModemOneOff.ReportFeed NO_REPORTS = tap -> () -> { };

    @Test
    void aSendWhoseFateIsUnknownCountsAgainstTheDailyCap() {
        settings.set(ModemSettings.MAX_PER_DAY, "2");
        modem.emulator.lateNextSend = Duration.ofSeconds(3);
        List<UserMessage> steps = new CopyOnWriteArrayList<>();
        gateway.connect();
        ModemOneOff.Outcome first = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> oneOff().send(gateway, NO_REPORTS, "+33612345678", "Essai", Duration.ZERO, steps::add));
        assertThat(first.result()).isInstanceOf(SendResult.Unknown.class);
        assertThat(first.succeeded()).isFalse();
        assertThat(steps).extracting(UserMessage::key).containsExactly("modem.progress.sending");
        Instant now = Instant.now();
        assertThat(log.partsBetween(now.minus(Duration.ofHours(1)), now.plusSeconds(1))).isEqualTo(1);

        // one part used (maybe) of two: a two-part message no longer fits, and nothing is written to the modem
        int commandsBefore = modem.emulator.commands().size();
        assertThatThrownBy(() -> oneOff().send(gateway, NO_REPORTS, "+33612345678",
                "Chère cliente, notre boutique a 10 ans! ".repeat(5), Duration.ZERO, steps::add))
                .isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.userMessage().key()).isEqualTo("modem.route.cap.day"));
        assertThat(modem.emulator.commands()).hasSize(commandsBefore);
    }
}

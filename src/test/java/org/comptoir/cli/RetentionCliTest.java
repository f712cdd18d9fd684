package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.comptoir.AppContext;
import org.comptoir.cli.CliHarness.Result;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.store.Jdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retention list} and {@code retention erase [--yes]} on a store whose oldest contact is four years old. */
class RetentionCliTest {

    private static final PhoneNumber OLD = new PhoneNumber("+33611111111");
    private static final PhoneNumber NEW = new PhoneNumber("+33622222222");

    @TempDir
    Path dir;

    @BeforeEach
    void aStoreWithAnOldContact() {
        try (AppContext ctx = AppContext.open(dir)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            long w = ctx.consent().currentWording().id();
            ctx.consent().recordOptIn(OLD, "Odile", w, Channel.TILL, "Léa");
            ctx.consent().recordOptIn(NEW, "Nina", w, Channel.TILL, "Léa");
            // as a store made four years ago would have it
            Instant longAgo = Instant.now().minusSeconds(4L * 366 * 24 * 3600);
            String subject = ctx.consent().subjectOf(OLD);
            ctx.database().withConnection(c -> {
                Jdbc.update(c, "UPDATE contact SET created_at = ? WHERE subject = ?", longAgo, subject);
                return Jdbc.update(c, "UPDATE consent_state SET since = ? WHERE subject = ?", longAgo, subject);
            });
        }
    }

    @Test
    void listsThenErasesOnlyOnceConfirmed() {
        Result list = CliHarness.run(dir, "retention", "list", "--json");
        assertThat(list.out()).contains("+33611111111", "Odile").doesNotContain("+33622222222");

        Result dry = CliHarness.run(dir, "retention", "erase");
        assertThat(dry.code()).isEqualTo(Cli.USAGE);
        assertThat(dry.out()).contains("1 contact(s)", "--yes");
        try (AppContext ctx = AppContext.open(dir)) {
            assertThat(ctx.consent().lookup(OLD).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        }

        Result erase = CliHarness.run(dir, "retention", "erase", "--yes");
        assertThat(erase.code()).as(erase.err()).isEqualTo(Cli.OK);
        assertThat(erase.out()).contains("1 contact(s) effacé(s)");
        try (AppContext ctx = AppContext.open(dir)) {
            assertThat(ctx.consent().lookup(OLD).orElseThrow().status()).isEqualTo(ConsentStatus.ERASED);
            assertThat(ctx.consent().lookup(NEW).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
            assertThat(ctx.consent().verify().intact()).isTrue();
        }
        assertThat(CliHarness.run(dir, "retention", "list").out()).contains("0 contact(s)");
    }
}

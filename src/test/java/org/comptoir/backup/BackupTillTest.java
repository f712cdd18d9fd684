package org.comptoir.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.comptoir.AppContext;
import org.comptoir.cli.Cli;
import org.comptoir.cli.CliHarness;
import org.comptoir.cli.FrenchSystem;
import org.comptoir.consent.Channel;
import org.comptoir.consent.ConsentStatus;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.ModemSettings;
import org.comptoir.settings.StoreSettings;
import org.comptoir.settings.TillIdentity;
import org.comptoir.settings.TillSettings;
import org.comptoir.store.LedgerHead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which till a restored data folder is: real backups of a till with its own settings, restored through the command
 * line onto a replacement PC (it takes the till's id, so its staff name and modem port come back) and onto a PC that
 * already is a till (it keeps its own id: two tills never share one, nor one modem port).
 */
@ExtendWith(FrenchSystem.class) // restore runs before any store is open: it speaks the system's language
class BackupTillTest {

    private static final PhoneNumber ANNE = new PhoneNumber("+33612345601");

    /** The shop's till and its one backup, made once for the class: every test restores the same archive. */
    @TempDir
    static Path shop;
    @TempDir
    static Path usb;
    private static Path archive;

    @TempDir
    Path other;

    @BeforeAll
    static void backupOfTheShopsTill() throws IOException {
        try (AppContext ctx = AppContext.open(shop)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            ctx.settings().setAll(Map.of(TillSettings.TILL_STAFF, "Nina", ModemSettings.PORT, "/dev/ttyUSB0",
                    BackupSettings.FOLDER, usb.toString()));
            ctx.consent().recordOptIn(ANNE, "Anne", ctx.consent().currentWording().id(), Channel.TILL, "Nina");
        }
        CliHarness.Result r = CliHarness.run(shop, "backup", "now", "--to", usb.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        try (Stream<Path> files = Files.list(usb)) {
            archive = files.filter(f -> f.getFileName().toString().startsWith("comptoir-backup-")).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void theShopsOnlyPcRestoredOntoAReplacementKeepsItsTillAndItsTillSettings() throws Exception {
        String shopTill = TillIdentity.existing(shop).orElseThrow();
        assertThat(BackupArchive.readManifest(archive).tillId()).isEqualTo(shopTill);

        CliHarness.Result r = CliHarness.run(other, "backup", "restore", archive.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("Ce PC reprend la caisse de la sauvegarde (till.id)");
        assertThat(TillIdentity.existing(other)).contains(shopTill);
        assertTheShopsTillSettings(other);
    }

    @Test
    void aReplacementPcThatWentThroughItsFirstStartStillTakesTheBackupsTill() throws Exception {
        try (AppContext firstStart = AppContext.open(other)) { // the new PC's first start: a store, a till id, no consent
            firstStart.settings().set(TillSettings.TILL_STAFF, "installateur");
        }
        String newPcTill = TillIdentity.existing(other).orElseThrow();
        assertThat(newPcTill).isNotEqualTo(TillIdentity.existing(shop).orElseThrow());

        CliHarness.Result r = CliHarness.run(other, "backup", "restore", archive.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(TillIdentity.existing(other)).contains(TillIdentity.existing(shop).orElseThrow());
        assertTheShopsTillSettings(other);
    }

    @Test
    void aBackupRestoredOntoATillThatRecordedConsentsLeavesItItsOwnId() throws Exception {
        try (AppContext second = AppContext.open(other)) { // the shop's second till, in use
            second.settings().set("shop.name", "Léa Fleurs");
            second.settings().setAll(Map.of(TillSettings.TILL_STAFF, "Marc", ModemSettings.PORT, "/dev/ttyACM0"));
            second.consent().recordOptIn(new PhoneNumber("+33699999999"), null, second.consent().currentWording().id(),
                    Channel.TILL, "Marc");
        }
        String secondTill = TillIdentity.existing(other).orElseThrow();

        CliHarness.Result r = CliHarness.run(other, "backup", "restore", "--force", archive.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("Ce PC est déjà une caisse : il garde son identité (till.id)");
        assertThat(TillIdentity.existing(other)).as("never the first till's id").contains(secondTill);
        try (AppContext back = AppContext.open(other)) {
            assertThat(back.consent().lookup(ANNE).orElseThrow().status()).as("the shop's store came back")
                    .isEqualTo(ConsentStatus.OPTED_IN);
            // the restored store holds the first till's settings under the first till's id, not this one's
            assertThat(back.settings().get(TillSettings.TILL_STAFF)).isNotEqualTo("Nina");
            assertThat(back.settings().get(ModemSettings.PORT)).isNotEqualTo("/dev/ttyUSB0");
        }
        Path aside = onlyFolder(other, "before-restore-");
        assertThat(TillIdentity.existing(aside)).as("the set-aside store is whole").contains(secondTill);
    }

    @Test
    void aTillOfAShopServerKeepsItsIdAndItsConnection() throws Exception {
        StoreSettings connection = new StoreSettings(other);
        connection.setAll(Map.of(StoreSettings.MODE, "shop-server", StoreSettings.URL, "192.168.1.10:9092"));
        String clientTill = TillIdentity.of(other);
        String before = Files.readString(other.resolve(StoreSettings.FILE_NAME));

        CliHarness.Result r = CliHarness.run(other, "backup", "restore", archive.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(TillIdentity.existing(other)).contains(clientTill);
        assertThat(Files.readString(other.resolve(StoreSettings.FILE_NAME))).isEqualTo(before);
    }

    @Test
    void theChoiceInDoubtKeepsThisPcsOwnId() {
        Optional<String> mine = Optional.of("11111111-1111-1111-1111-111111111111");
        Optional<String> theirs = Optional.of("22222222-2222-2222-2222-222222222222");
        LedgerHead empty = new LedgerHead(0, "0".repeat(64));
        LedgerHead used = new LedgerHead(3, "a".repeat(64));
        assertThat(Restore.tillChoice(Optional.empty(), theirs, true, null)).isEqualTo(Restore.TillChoice.ADOPT);
        assertThat(Restore.tillChoice(mine, mine, true, used)).isEqualTo(Restore.TillChoice.ADOPT);
        assertThat(Restore.tillChoice(mine, theirs, true, empty)).isEqualTo(Restore.TillChoice.ADOPT);
        assertThat(Restore.tillChoice(mine, theirs, true, used)).isEqualTo(Restore.TillChoice.KEEP);
        assertThat(Restore.tillChoice(mine, theirs, false, empty)).as("a server's or chain's till")
                .isEqualTo(Restore.TillChoice.KEEP);
        assertThat(Restore.tillChoice(mine, theirs, true, null)).as("an unreadable store").isEqualTo(
                Restore.TillChoice.KEEP);
    }

    private void assertTheShopsTillSettings(Path dataDir) {
        try (AppContext back = AppContext.open(dataDir)) {
            assertThat(back.settings().get(TillSettings.TILL_STAFF)).isEqualTo("Nina");
            assertThat(back.settings().get(ModemSettings.PORT)).isEqualTo("/dev/ttyUSB0");
            assertThat(back.settings().get(BackupSettings.FOLDER)).isEqualTo(usb.toString());
            assertThat(back.consent().lookup(ANNE).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
        }
    }

    private static Path onlyFolder(Path dataDir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(f -> Files.isDirectory(f) && f.getFileName().toString().startsWith(prefix))
                    .reduce((a, b) -> {
                        throw new AssertionError("two folders " + a + ", " + b);
                    }).orElseThrow();
        }
    }
}

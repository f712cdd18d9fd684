package org.comptoir.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.comptoir.AppContext;
import org.comptoir.cli.Cli;
import org.comptoir.cli.CliHarness;
import org.comptoir.cli.FrenchSystem;
import org.comptoir.consent.Channel;
import org.comptoir.phone.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup's manifest holds the consent ledger's head with its time (sequence, hash and when the last event was
 * recorded), and {@code backup list} and {@code backup restore} print it; an archive made before the manifest carried
 * the time still lists and restores, its time shown as unknown.
 */
@ExtendWith(FrenchSystem.class)
class BackupHeadTimeTest {

    static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @TempDir
    Path shop;
    @TempDir
    Path fresh;
    @TempDir
    Path usb;

    /** Three opt-ins, then a backup; returns the last event's time as the ledger has it. */
    private Instant shopWithThreeEvents() {
        Instant at;
        try (AppContext ctx = AppContext.open(shop)) {
            ctx.settings().set("shop.name", "Léa Fleurs");
            long w = ctx.consent().currentWording().id();
            for (int i = 0; i < 3; i++) {
                ctx.consent().recordOptIn(new PhoneNumber("+3361000000" + i), null, w, Channel.TILL, "caisse");
            }
            at = ctx.consent().head().at();
        }
        CliHarness.Result r = CliHarness.run(shop, "backup", "now", "--to", usb.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        return at;
    }

    private Path archive() throws IOException {
        try (Stream<Path> files = Files.list(usb)) {
            return files.filter(f -> f.getFileName().toString().startsWith("comptoir-backup-")).findFirst().orElseThrow();
        }
    }

    @Test
    void theManifestHoldsTheHeadsTimeAndListAndRestoreShowIt() throws Exception {
        Instant at = shopWithThreeEvents();
        assertThat(at).isNotNull();

        BackupManifest manifest = BackupArchive.readManifest(archive());
        assertThat(manifest.ledgerSeq()).isEqualTo(3);
        assertThat(manifest.ledgerAt()).isEqualTo(at);

        CliHarness.Result listed = CliHarness.run(shop, "backup", "list", "--from", usb.toString());
        assertThat(listed.out()).contains("3 événements de consentement, tête " + manifest.ledgerHash().substring(0, 12)
                + "… enregistrée le " + CLI_TIME.format(at));

        CliHarness.Result restored = CliHarness.run(fresh, "backup", "restore", archive().toString());
        assertThat(restored.code()).as(restored.err()).isEqualTo(Cli.OK);
        assertThat(restored.out()).contains("tête : ligne 3, empreinte " + manifest.ledgerHash()
                + ", enregistrée le " + CLI_TIME.format(at));
    }

    @Test
    void anArchiveMadeBeforeTheTimeWasKeptListsAndRestoresWithItsTimeUnknown() throws Exception {
        Instant at = shopWithThreeEvents();
        Path made = archive();
        Path old = usb.resolve("comptoir-backup-20261101-100000Z.zip");
        withoutLedgerTime(made, old);
        Files.delete(made);

        assertThat(BackupArchive.readManifest(old).ledgerAt()).isNull();
        CliHarness.Result listed = CliHarness.run(shop, "backup", "list", "--from", usb.toString());
        assertThat(listed.out()).contains("3 événements de consentement, tête").contains("enregistrée le —");

        CliHarness.Result restored = CliHarness.run(fresh, "backup", "restore", old.toString());
        assertThat(restored.code()).as(restored.err()).isEqualTo(Cli.OK);
        // the restored store itself still knows when its last event was recorded
        assertThat(restored.out()).contains("tête : ligne 3").contains("enregistrée le " + CLI_TIME.format(at));
    }

    /** The archive as an earlier version wrote it: the same entries, the manifest without {@code ledgerAt}. */
    private static void withoutLedgerTime(Path from, Path to) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    if (entry.getName().equals(BackupManifest.ENTRY)) {
                        ObjectNode manifest = (ObjectNode) json.readTree(data);
                        assertThat(manifest.remove("ledgerAt")).as("the new manifest has the time").isNotNull();
                        out.write(json.writeValueAsBytes(manifest));
                    } else {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }
}

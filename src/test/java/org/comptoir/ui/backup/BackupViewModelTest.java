package org.comptoir.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.backup.Restore;
import org.comptoir.consent.Channel;
import org.comptoir.i18n.Messages;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup section's logic over a real store, with dialogs that answer from a script and record what they asked. */
class BackupViewModelTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path usb;

    AppContext app;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final List<Restore> reopened = new ArrayList<>();
    BackupViewModel vm;

    @BeforeEach
    void open() {
        app = AppContext.open(dataDir);
        app.settings().set("shop.name", "Léa Fleurs");
        vm = new BackupViewModel(app.backups(), app.consent(), app.settings(), Messages.forLanguage("fr"),
                new CurrentThreadTaskExecutor(), dialogs, reopened::add);
        vm.load();
    }

    @AfterEach
    void close() {
        reopened.forEach(Restore::discard);
        app.close();
    }

    @Test
    void aBackupThatCannotBeWrittenShowsWhyThenAGoodOneClearsIt() {
        assertThat(vm.statusProperty().get()).startsWith("Aucune sauvegarde pour l'instant");
        assertThat(vm.hasBackupProperty().get()).isFalse();
        vm.folderProperty().set(usb.resolve("CLE").toString());
        vm.saveSettings();
        vm.backupNow();
        assertThat(vm.statusFailedProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("a échoué").contains("est introuvable (clé USB débranchée ?)");
        assertThat(vm.backups()).isEmpty();

        vm.folderProperty().set(usb.toString());
        vm.saveSettings();
        vm.backupNow();
        assertThat(vm.statusFailedProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Dernière sauvegarde :").contains("comptoir-backup-");
        assertThat(vm.backups()).hasSize(1);
        assertThat(vm.describe(vm.backups().get(0))).contains("Mo · aucun événement de consentement");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void badSettingsStayBesideTheirFieldsAndAreNotSaved() {
        vm.folderProperty().set("relatif/dossier");
        vm.keepDaysProperty().set("0");
        vm.saveSettings();
        assertThat(vm.folderErrorProperty().get()).contains("n'est pas un chemin complet");
        assertThat(vm.keepDaysErrorProperty().get()).contains("entre 1 et 3");
        assertThat(app.settings().get("backup.keep-days")).isEqualTo("30");
    }

    @Test
    void restoreAsksFirstThenExplainsAnOlderBackupAndOnlyReopensWhenConfirmedTwice() throws Exception {
        vm.backupNow();
        Path archive = vm.backups().get(0).file();
        app.consent().recordOptOut(new PhoneNumber("+33612345678"), Channel.SMS_KEYWORD, null, "STOP");

        dialogs.confirmAnswers.add(false);
        vm.restore(archive);
        assertThat(dialogs.confirmed).hasSize(1);
        assertThat(dialogs.confirmed.get(0)).contains(archive.getFileName().toString())
                .contains("garde de côté avec ses clés");
        assertThat(reopened).isEmpty();

        dialogs.confirmAnswers.add(true);
        dialogs.confirmAnswers.add(false); // "restore it anyway?" — no
        vm.restore(archive);
        assertThat(dialogs.confirmed).hasSize(3);
        assertThat(dialogs.confirmed.get(2)).contains("les 1 événements enregistrés depuis")
                .contains("La restaurer quand même ?");
        assertThat(reopened).isEmpty();
        try (var left = Files.list(dataDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("restore-"));
        }

        dialogs.confirmAnswers.add(true);
        dialogs.confirmAnswers.add(true);
        vm.restore(archive);
        assertThat(reopened).hasSize(1);
        assertThat(reopened.get(0).relation()).isEqualTo(Restore.Relation.OLDER);
        assertThat(reopened.get(0).restoredHead().seq()).isZero();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void theLedgerHeadIsShownPrintableAndHeldByEachBackup() {
        assertThat(vm.headProperty().get()).isEqualTo("Le registre des consentements est vide : aucune ligne enregistrée.");
        app.consent().recordOptIn(new PhoneNumber("+33612345678"), "Marie", app.consent().currentWording().id(),
                Channel.TILL, "Léa");
        app.consent().recordOptOut(new PhoneNumber("+33612345678"), Channel.SMS_KEYWORD, null, "STOP");
        var head = app.consent().head();
        assertThat(head.seq()).isEqualTo(2);

        vm.folderProperty().set(usb.toString());
        vm.saveSettings(); // reloads the screen, head included
        // the time before the 64-character hash, so it stays in sight in the field at 1024 px
        String recorded = BackupViewModel.when(Messages.forLanguage("fr"), head.at());
        assertThat(vm.headProperty().get()).isEqualTo("Ligne 2 · enregistrée le " + recorded + " · empreinte " + head.hash());
        String printout = vm.printableHead();
        assertThat(printout).contains("Boutique : Léa Fleurs").contains("Dernière ligne : 2")
                .contains("Empreinte (SHA-256) : " + head.hash())
                .contains("comptoir consent verify --checkpoint " + head.hash());
        // the printout's hash is a checkpoint the ledger proves it extends
        assertThat(app.consent().verify(java.util.List.of(org.comptoir.consent.LedgerHead.ofHash(head.hash()))).intact())
                .isTrue();

        vm.backupNow();
        assertThat(vm.backups()).hasSize(1);
        assertThat(vm.describe(vm.backups().get(0))).contains("2 événements · tête "
                + head.hash().substring(0, 8) + "… du " + recorded);
        assertThat(vm.describeHead(vm.backups().get(0))).contains("jusqu'à la ligne 2, empreinte " + head.hash()
                + ", enregistrée le " + recorded);

        vm.noPrinter();
        assertThat(dialogs.informations).singleElement().asString().startsWith("Aucune imprimante")
                .contains(head.hash());
    }

    @Test
    void aTruncatedFileIsRefusedWithItsReason() throws Exception {
        Path bad = Files.write(usb.resolve("comptoir-backup-20261201-090000Z.zip"), new byte[] {'P', 'K', 3, 4, 0});
        dialogs.confirmAnswers.add(true);
        vm.restore(bad);
        assertThat(reopened).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().contains("tronqué ou endommagé");
        assertThat(vm.statusFailedProperty().get()).isTrue();
    }
}

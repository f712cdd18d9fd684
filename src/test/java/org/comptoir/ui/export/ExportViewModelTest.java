package org.comptoir.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export and import screen's logic over a real store, run on the calling thread (no toolkit). */
class ExportViewModelTest {

    @TempDir
    Path dir;

    AppContext app;
    ExportViewModel vm;

    @BeforeEach
    void open() {
        app = AppContext.open(dir.resolve("data"));
        app.settings().set("shop.name", "Léa Fleurs");
        long w = app.consent().currentWording().id();
        app.consent().recordOptIn(new PhoneNumber("+33612345678"), "Marie", w, Channel.TILL, "Léa");
        vm = new ExportViewModel(app.exports(), app.imports(), app::phoneNumbers, app.messages(),
                new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theRegisterIsWrittenAndOfferedForOpening() {
        Path file = dir.resolve(vm.registerFileName());
        vm.exportRegister(file);
        assertThat(file).exists();
        assertThat(vm.lastFileProperty().get()).isEqualTo(file);
        assertThat(vm.statusProperty().get()).startsWith("Registre exporté : 1 événements dans « Léa Fleurs - registre");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aReversedPeriodOrAnInvalidNumberIsSaidAndNothingRuns() {
        vm.fromProperty().set(LocalDate.of(2026, 2, 1));
        vm.toProperty().set(LocalDate.of(2026, 1, 1));
        Path file = dir.resolve("r.xlsx");
        vm.exportRegister(file);
        assertThat(file).doesNotExist();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("La date de fin (2026-01-01) est avant la date de début (2026-02-01).");

        vm.proofNumberProperty().set("01 23 45 67 89");
        assertThat(vm.exportProof(dir.resolve("p.xlsx"))).isFalse();
        assertThat(vm.statusProperty().get()).contains("numéro de fixe");
        vm.proofNumberProperty().set("06 12 34 56 78");
        assertThat(vm.exportProof(dir.resolve("p.xlsx"))).isTrue();
        assertThat(dir.resolve("p.xlsx")).exists();
        assertThat(vm.failedProperty().get()).isFalse();
    }

    @Test
    void theAssistantMapsRecognisedColumnsPreviewsAndImportsOnConfirmation() throws Exception {
        Path csv = Files.writeString(dir.resolve("liste.csv"), "Client;Portable;Date consentement;Source\n"
                + "Ana;06 11 11 11 11;02/03/2025;papier\nLuc;06 22 22 22 22;;\nBob;01 23 45 67 89;;\n",
                StandardCharsets.UTF_8);
        vm.chooseImportFile(csv);
        assertThat(vm.headers()).containsExactly("Client", "Portable", "Date consentement", "Source");
        assertThat(vm.mapping()).containsEntry("Client", "ignore").containsEntry("Portable", "phone")
                .containsEntry("Date consentement", "consent-date").containsEntry("Source", "consent-source");
        assertThat(vm.statusProperty().get()).isEqualTo("Aperçu (rien n'est encore enregistré) : 1 avec consentement, "
                + "1 sans consentement, 0 déjà enregistrés, 1 refusés.");
        assertThat(vm.sample()).extracting(f -> f.number()).containsExactly("+33611111111", "+33622222222", "01 23 45 67 89");
        assertThat(app.consent().lookup(new PhoneNumber("+33611111111"))).isEmpty(); // a preview writes nothing
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("refus"))).isEmpty();
        }

        vm.map("Client", "first-name");
        assertThat(vm.sample().get(0).firstName()).isEqualTo("Ana");
        vm.map("Source", "ignore"); // half a proof: the consent row is now refused
        assertThat(vm.statusProperty().get()).contains("0 avec consentement, 1 sans consentement, 0 déjà enregistrés, 2 refusés");
        vm.map("Source", "consent-source");

        vm.runImport();
        assertThat(vm.statusProperty().get()).startsWith("Import terminé : 1 avec consentement, 1 sans consentement, "
                + "0 complétés, 1 refusés. Motifs des refus dans « liste - refus ");
        assertThat(vm.lastFileProperty().get()).exists(); // the refusal report, offered for opening
        assertThat(app.consent().lookup(new PhoneNumber("+33611111111")).orElseThrow().firstName()).isEqualTo("Ana");
    }

    @Test
    void aWorkbookOpensOnTheSheetWhoseColumnsAreRecognisedAndTheOwnerMayPickAnother() throws Exception {
        Path file = dir.resolve("salon.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Liste du salon");
            var clients = wb.createSheet("Clients");
            clients.createRow(0).createCell(0).setCellValue("Portable");
            clients.getRow(0).createCell(1).setCellValue("Prénom");
            clients.createRow(1).createCell(0).setCellValue("06 11 11 11 11");
            clients.getRow(1).createCell(1).setCellValue("Ana");
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        vm.chooseImportFile(file);
        assertThat(vm.sheets()).containsExactly("Notes", "Clients");
        assertThat(vm.sheetProperty().get()).isEqualTo("Clients");
        assertThat(vm.headers()).containsExactly("Portable", "Prénom");
        assertThat(vm.previewProperty().get().sheet()).isEqualTo("Clients");
        assertThat(vm.sample()).extracting(f -> f.firstName()).containsExactly("Ana");

        vm.chooseSheet("Notes"); // a line of text, no contact: the assistant shows it, the preview says why
        assertThat(vm.headers()).containsExactly("Liste du salon");
        assertThat(vm.previewProperty().get()).isNull();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Le fichier salon.xlsx est vide");

        vm.chooseSheet("Clients");
        vm.runImport();
        assertThat(app.consent().lookup(new PhoneNumber("+33611111111")).orElseThrow().firstName()).isEqualTo("Ana");
    }

    @Test
    void aCancelledJobSaysSoAndWritesNothing() {
        Path file = dir.resolve("c.xlsx");
        // the owner presses "Annuler" as soon as the job reports its first progress
        vm.progressProperty().addListener((o, was, now) -> {
            if (vm.busyProperty().get()) {
                vm.cancel();
            }
        });
        vm.exportRegister(file);
        assertThat(file).doesNotExist();
        assertThat(vm.statusProperty().get()).isEqualTo("Opération annulée : rien n'a été écrit.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anImportCancelledWhileItWritesLeavesTheStoreAsItWas() throws Exception {
        StringBuilder rows = new StringBuilder("Prénom;Portable;Date consentement;Source\n");
        for (int i = 10; i < 60; i++) {
            rows.append("Client").append(i).append(";06 12 34 56 ").append(i).append(";02/03/2025;papier\n");
        }
        Path csv = Files.writeString(dir.resolve("liste.csv"), rows, StandardCharsets.UTF_8);
        vm.chooseImportFile(csv);
        assertThat(vm.statusProperty().get()).startsWith("Aperçu (rien n'est encore enregistré) : 50 avec consentement");
        long contactsBefore = contacts();
        long ledgerBefore = ledger();
        // past half-way the import is in its writing pass, inside the chunk's transaction (the first half only decides
        // each row): cancel there
        java.util.List<Double> seen = new java.util.ArrayList<>();
        javafx.beans.value.ChangeListener<Number> owner = (o, was, now) -> {
            seen.add(now.doubleValue());
            if (now.doubleValue() > 0.5 && vm.busyProperty().get()) {
                vm.cancel();
            }
        };
        vm.progressProperty().addListener(owner);
        vm.runImport();
        assertThat(seen).anyMatch(p -> p > 0.5); // it really was cancelled while writing
        assertThat(vm.statusProperty().get()).isEqualTo("Opération annulée : rien n'a été écrit.");
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(contacts()).isEqualTo(contactsBefore);
        assertThat(ledger()).isEqualTo(ledgerBefore);
        assertThat(app.consent().lookup(new PhoneNumber("+33612345610"))).isEmpty();

        // the same file imported again, not cancelled: everything is in
        vm.progressProperty().removeListener(owner);
        vm.runImport();
        assertThat(vm.statusProperty().get()).startsWith("Import terminé : 50 avec consentement");
        assertThat(contacts()).isEqualTo(contactsBefore + 50);
    }

    private long contacts() {
        return app.database().withConnection(c -> org.comptoir.store.Jdbc.queryLong(c, "SELECT COUNT(*) FROM contact"));
    }

    private long ledger() {
        return app.database().withConnection(c -> org.comptoir.store.Jdbc.queryLong(c, "SELECT COUNT(*) FROM consent_event"));
    }
}

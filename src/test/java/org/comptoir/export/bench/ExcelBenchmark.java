package org.comptoir.export.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.comptoir.AppContext;
import org.comptoir.consent.SubjectKey;
import org.comptoir.export.DateRange;
import org.comptoir.export.ImportReport;
import org.comptoir.export.Progress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The consent register export of 100,000 ledger events and the import of a 100,000-row .xlsx, each in a JVM
 * limited to 256 MB of heap (a till PC's default is often about that), on a real H2 file store.
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench='ExcelBenchmark'}; figures in docs/performance.md.
 *
 * <p>The 100,000 events are made by importing the same kind of file (every row with a dated consent and its
 * source), once, into {@code target/excel-bench-100000/}; each trial works on a copy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-Djava.awt.headless=true"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ExcelBenchmark {

    static final int ROWS = 100_000;
    static final Path TEMPLATE = Path.of("target", "excel-bench-" + ROWS);
    static final Path FILE = Path.of("target", "excel-bench-" + ROWS + ".xlsx");
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    Path work;
    Path emptyStore;
    AppContext app;
    AppContext empty;
    Path out;

    @Setup(Level.Trial)
    public void seed() throws IOException {
        if (!Files.exists(FILE)) {
            writeFile(FILE, ROWS);
        }
        if (!Files.exists(TEMPLATE.resolve("comptoir.mv.db"))) {
            Path fresh = Files.createTempDirectory("excel-seed");
            try (AppContext seeding = open(fresh)) {
                long started = System.nanoTime();
                ImportReport r = seeding.imports().importContacts(FILE, Map.of(), false, null, "bench", Progress.NONE);
                System.out.printf("seeded %,d opted-in contacts by import in %.1f s%n", r.withConsent(),
                        (System.nanoTime() - started) / 1e9);
            }
            copy(fresh, TEMPLATE);
            delete(fresh);
        }
        work = Files.createTempDirectory("excel-bench");
        copy(TEMPLATE, work);
        app = open(work);
        out = work.resolve("register.xlsx");
    }

    /** A fresh empty store for each import (an import into a store that already holds the rows only updates). */
    @Setup(Level.Iteration)
    public void emptyStore() throws IOException {
        emptyStore = Files.createTempDirectory("excel-import");
        empty = open(emptyStore);
    }

    @TearDown(Level.Iteration)
    public void closeEmpty() throws IOException {
        empty.close();
        delete(emptyStore);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        app.close();
        delete(work);
        // the limit the trial ran under: finishing without OutOfMemoryError is the memory figure
        System.out.printf("%nheap limit: %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    @Benchmark
    public long exportRegister() {
        return app.exports().exportRegister(out, DateRange.ALL, "bench", Progress.NONE).rows();
    }

    @Benchmark
    public long importContacts() {
        ImportReport r = empty.imports().importContacts(FILE, Map.of(), false, null, "bench", Progress.NONE);
        if (r.withConsent() != ROWS) {
            throw new IllegalStateException("imported " + r.withConsent());
        }
        return r.withConsent();
    }

    static AppContext open(Path dir) {
        AppContext ctx = AppContext.open(dir);
        ctx.settings().set("shop.name", "Léa Fleurs");
        return ctx;
    }

    /** What a shop's list looks like: number, names, a real consent date cell, a source, tags. */
    static void writeFile(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet s = wb.createSheet("Clients");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            String[] header = {"Téléphone", "Prénom", "Nom", "Date consentement", "Source", "Étiquettes"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            String[] first = {"Marie", "Jean", "Anne", "Pierre", "Sophie", "Louis", "Camille", "Léa", "Chloé", "Inès"};
            for (int i = 0; i < rows; i++) {
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue(String.format("06 %02d %02d %02d %02d", 10 + i / 1_000_000 % 90,
                        i / 10_000 % 100, i / 100 % 100, i % 100));
                r.createCell(1).setCellValue(first[i % first.length]);
                r.createCell(2).setCellValue("Nom" + (i % 997));
                var c = r.createCell(3);
                c.setCellValue(LocalDate.of(2024, 1, 1).plusDays(i % 600));
                c.setCellStyle(date);
                r.createCell(4).setCellValue(i % 2 == 0 ? "formulaire papier" : "site web");
                r.createCell(5).setCellValue(i % 5 == 0 ? "vip, fidèle" : "fidèle");
            }
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.write(os);
            }
            wb.dispose();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : List.of("comptoir.mv.db", SubjectKey.FILE_NAME)) {
            Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package org.comptoir.export.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.comptoir.AppContext;
import org.comptoir.export.DateRange;
import org.comptoir.export.ExportService;
import org.comptoir.export.ImportReport;
import org.comptoir.export.Progress;

/**
 * One timed run, outside JMH, for profiling with JFR and for a quick figure: {@code import DIR [ROWS]} imports a
 * generated file of ROWS rows (default 100,000) into a new store in DIR; {@code export DIR} exports that store's
 * register. Prints the wall time and the heap limit. Command lines in docs/performance.md.
 */
public final class ExcelHarness {

    private ExcelHarness() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        if (mode.equals("import")) {
            int rows = args.length > 2 ? Integer.parseInt(args[2]) : ExcelBenchmark.ROWS;
            Path file = dir.resolveSibling(dir.getFileName() + "-" + rows + ".xlsx");
            if (!Files.exists(file)) {
                ExcelBenchmark.writeFile(file, rows);
            }
            try (AppContext app = ExcelBenchmark.open(dir)) {
                cacheSize(app);
                long started = System.nanoTime();
                ImportReport r = app.imports().importContacts(file, Map.of(), false, null, "bench", Progress.NONE);
                report("import of " + rows + " rows: " + r.withConsent() + " with consent, " + r.refused() + " refused",
                        started);
            }
        } else {
            try (AppContext app = ExcelBenchmark.open(dir)) {
                cacheSize(app);
                Path out = dir.resolveSibling(dir.getFileName() + "-register.xlsx");
                long started = System.nanoTime();
                ExportService.Result r = app.exports().exportRegister(out, DateRange.ALL, "bench", Progress.NONE);
                report("export of " + r.rows() + " events (chain " + (r.chainIntact() ? "intact" : "BROKEN") + ")",
                        started);
            }
        }
    }

    /**
     * {@code -Dbench.cacheKb=N}: H2's page cache for this run (the store's own setting is H2's default, 16 MB), to
     * measure that store-level lever without changing the store's code.
     */
    private static void cacheSize(AppContext app) {
        String kb = System.getProperty("bench.cacheKb");
        if (kb != null) {
            app.database().withConnection(c -> c.createStatement().execute("SET CACHE_SIZE " + Integer.parseInt(kb)));
        }
    }

    private static void report(String what, long started) {
        System.out.printf("%s in %.2f s; heap limit %d MB%n", what, (System.nanoTime() - started) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}

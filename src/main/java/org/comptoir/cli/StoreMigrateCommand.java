package org.comptoir.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.comptoir.AppContext;
import org.comptoir.consent.LedgerHead;
import org.comptoir.consent.VerifyReport;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.StoreMigration;
import org.comptoir.store.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code comptoir store migrate --to postgresql --url … --user … [--password-file …]}: copies this till's embedded
 * store to an empty PostgreSQL database, verifies the ledger on both sides, and only then points the till at the
 * server ({@link StoreMigration}). The application must be closed on this PC (the embedded file is opened alone).
 */
@Command(name = "migrate", description = "Copy this till's own store to an empty PostgreSQL database, verify the "
        + "consent ledger on both sides (same head), then switch this till to the server. On any problem nothing "
        + "changes.")
final class StoreMigrateCommand implements Callable<Integer> {

    @ParentCommand
    StoreCommand store;

    @Option(names = "--to", required = true, paramLabel = "postgresql",
            description = "Where to: postgresql (the only server kind a store moves to).")
    String to;

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "The empty database: jdbc:postgresql://host:5432/comptoir (add ?sslmode=verify-full for TLS).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "The database user.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the database password (kept out of the shell's history).")
    Path passwordFile;

    @Override
    public Integer call() {
        if (!"postgresql".equalsIgnoreCase(to == null ? "" : to.strip())) {
            throw new ComptoirException(UserMessage.of("store.migrate.to", to));
        }
        Path dataDir = DataDirectory.resolve(store.root.dataDir);
        StoreMigration.Result done = new StoreMigration(dataDir, StoreMigrateCommand::verify)
                .toPostgresql(url, user, password());
        Messages messages = store.root.messages();
        var out = store.root.spec.commandLine().getOut();
        long rows = done.rows().values().stream().mapToLong(Long::longValue).sum();
        out.println(messages.get("store.migrate.done", rows, done.rows().size(), String.valueOf(done.headSeq()),
                done.headHash()));
        for (Map.Entry<String, Long> e : done.rows().entrySet()) {
            out.printf("  %-24s %d%n", e.getKey(), e.getValue());
        }
        return Cli.OK;
    }

    private String password() {
        if (passwordFile == null) {
            return "";
        }
        try {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.migrate.password.file", passwordFile, e.getMessage()), e);
        }
    }

    /** The store that {@code folder} opens, opened as the application opens it, and its ledger verified. */
    static StoreMigration.Proof verify(Path folder) {
        try (AppContext ctx = AppContext.open(folder)) {
            VerifyReport report = ctx.consent().verify();
            LedgerHead head = ctx.consent().head();
            String problem = report.problems().isEmpty() ? report.firstProblem().map(p -> ctx.messages()
                    .render(p.message())).orElse("") : ctx.messages().render(report.problems().get(0).message());
            return new StoreMigration.Proof(report.intact(), report.rowsChecked(), head.seq(), head.hash(), problem);
        }
    }
}

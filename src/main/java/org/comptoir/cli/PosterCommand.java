package org.comptoir.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.comptoir.consent.CounterPoster;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code comptoir poster --out FILE [--format A4|A5]}: the counter poster with the sign-up QR code, as a PNG. */
@Command(name = "poster", description = "Write the counter poster (shop name, consent wording, QR code to sign up by "
        + "SMS) as a PNG at 150 dpi.")
public final class PosterCommand implements Callable<Integer> {

    @ParentCommand
    ComptoirCommand root;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PNG to write.")
    Path out;

    @Option(names = "--format", paramLabel = "A4|A5", defaultValue = "A4")
    CounterPoster.Format format;

    @Override
    public Integer call() {
        CounterPoster.Content content = root.context().consentSms().posterContent();
        try (OutputStream stream = Files.newOutputStream(out)) {
            CounterPoster.writePng(content, format, stream);
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("inbox.poster.unwritable", out, e.getMessage()), e);
        }
        root.spec.commandLine().getOut().println(root.messages().get("inbox.poster.written", format, out));
        return Cli.OK;
    }
}

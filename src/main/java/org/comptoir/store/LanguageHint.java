package org.comptoir.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language the shop's screens were last shown in, kept beside the store ({@code ui-language}) so what shows
 * before the store is open — the "opening" screen, a start-up error — is in the shop's language rather than the
 * PC's (a French shop on an English Windows, or a Linux without a locale). A copy of the {@code ui.language}
 * setting, never its source: a missing or unreadable hint only means the system's language for a second.
 */
public final class LanguageHint {

    private static final Logger LOG = LoggerFactory.getLogger(LanguageHint.class);
    static final String FILE = "ui-language";

    private LanguageHint() {
    }

    /** The remembered language ({@code fr}, {@code en}), if any. Blocks on the disk: not on the FX thread. */
    public static Optional<String> read(Path dataDir) {
        try {
            String v = Files.readString(dataDir.resolve(FILE), StandardCharsets.UTF_8).strip();
            return v.matches("[a-z]{2}") ? Optional.of(v) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Remembers {@code language} if it changed; a failure is logged, never thrown (it is only a hint). */
    public static void remember(Path dataDir, String language) {
        if (read(dataDir).filter(language::equals).isPresent()) {
            return;
        }
        try {
            Files.writeString(dataDir.resolve(FILE), language + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not remember the interface language in {}: {}", dataDir, e.toString());
        }
    }
}

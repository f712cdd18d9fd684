package org.comptoir.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/comptoir/i18n");

    @Test
    void frenchIsTheDefaultAndEnglishIsAvailable() {
        assertThat(Messages.forLanguage("fr").get("store.locked")).contains("déjà ouverte");
        assertThat(Messages.forLanguage("en").get("store.locked")).contains("already open");
        assertThat(Messages.forLanguage("de").locale()).isEqualTo(Messages.FRENCH);
        assertThat(Messages.forLanguage(null).locale()).isEqualTo(Messages.FRENCH);
    }

    @Test
    void apostrophesRenderOnceWithAndWithoutArguments() {
        Messages fr = Messages.forLanguage("fr");
        assertThat(fr.get("setting.ui.language.help")).isEqualTo("Langue des écrans de l'application (à partir du prochain démarrage).");
        assertThat(fr.get("setting.error.country", "France")).isEqualTo("« France » n'est pas un code pays ISO à deux lettres (par exemple FR).");
    }

    @Test
    void missingKeyIsVisibleNotFatal() {
        assertThat(Messages.forLanguage("fr").get("no.such.key")).isEqualTo("!no.such.key!");
    }

    /** Every bundle has the same keys in French and English, so no screen shows a key name in one language. */
    @Test
    void frenchAndEnglishBundlesHaveTheSameKeys() throws IOException {
        for (Path fr : bundles("_fr.properties")) {
            Path en = fr.resolveSibling(fr.getFileName().toString().replace("_fr.", "_en."));
            assertThat(en).as("English twin of " + fr).exists();
            assertThat(load(en).stringPropertyNames()).as(en.toString())
                    .containsExactlyInAnyOrderElementsOf(load(fr).stringPropertyNames());
        }
    }

    /** A single apostrophe in a pattern with arguments silently swallows text in MessageFormat. */
    @Test
    void patternsWithArgumentsDoubleTheirApostrophes() throws IOException {
        Pattern lonelyQuote = Pattern.compile("(?<!')'(?!')");
        List<String> offenders = new ArrayList<>();
        for (Path file : bundles(".properties")) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.matches("(?s).*\\{\\d.*") && lonelyQuote.matcher(v).find()) {
                    offenders.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static List<Path> bundles(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageHintTest {

    @TempDir
    Path dir;

    @Test
    void aNewDataFolderHasNoHintThenRemembersTheLastLanguage() {
        assertThat(LanguageHint.read(dir)).isEmpty();
        LanguageHint.remember(dir, "fr");
        assertThat(LanguageHint.read(dir)).contains("fr");
        LanguageHint.remember(dir, "en");
        assertThat(LanguageHint.read(dir)).contains("en");
    }

    @Test
    void aDamagedHintIsIgnoredNotTrusted() throws Exception {
        Files.writeString(dir.resolve(LanguageHint.FILE), "<html>garbage</html>");
        assertThat(LanguageHint.read(dir)).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyCostsTheHint() {
        Path missing = dir.resolve("does-not-exist");
        LanguageHint.remember(missing, "fr");
        assertThat(LanguageHint.read(missing)).isEmpty();
    }
}

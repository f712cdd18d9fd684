package org.comptoir.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void aKeyMadeOnFirstUseIsKeptAndOpensWhatItSealed() throws Exception {
        String sealed = SecretBox.inFolder(dir).seal("1234");

        assertThat(Files.size(dir.resolve(SecretBox.KEY_FILE))).isEqualTo(32);
        assertThat(SecretBox.inFolder(dir).open(sealed)).isEqualTo("1234");
    }

    @Test
    void aBase64KeyFromTheFirstBuildsStillOpensItsSealedValues() throws Exception {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7);
        }
        Files.writeString(dir.resolve(SecretBox.KEY_FILE), Base64.getEncoder().encodeToString(key),
                StandardCharsets.US_ASCII);
        String sealed = SecretBox.inFolder(dir).seal("0000");

        assertThat(SecretBox.inFolder(dir).open(sealed)).isEqualTo("0000");
        assertThat(Files.readString(dir.resolve(SecretBox.KEY_FILE), StandardCharsets.US_ASCII))
                .as("the old key file is read, never replaced").isEqualTo(Base64.getEncoder().encodeToString(key));
    }
}

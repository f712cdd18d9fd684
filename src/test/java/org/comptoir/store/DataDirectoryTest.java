package org.comptoir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    private final Path home = Path.of("/home/marie");

    @Test
    void optionWinsOverEnvironment() {
        assertThat(DataDirectory.resolve(Path.of("/srv/c"), Map.of("COMPTOIR_HOME", "/env"), "Linux", home))
                .isEqualTo(Path.of("/srv/c"));
    }

    @Test
    void environmentWinsOverPlatformDefault() {
        assertThat(DataDirectory.resolve(null, Map.of("COMPTOIR_HOME", "/env"), "Linux", home))
                .isEqualTo(Path.of("/env"));
    }

    @Test
    void platformDefaults() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", home))
                .isEqualTo(Path.of("/home/marie/.local/share/comptoir"));
        assertThat(DataDirectory.resolve(null, Map.of("APPDATA", "C:/Users/marie/AppData/Roaming"), "Windows 11", home))
                .isEqualTo(Path.of("C:/Users/marie/AppData/Roaming/Comptoir"));
        assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/marie/Library/Application Support/Comptoir"));
    }
}

package org.comptoir.gateway.modem;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The common ground of the tests on a real pseudo-terminal: a folder for socat's links, and socat itself. */
abstract class PtyTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSocat() {
        PtyModem.assumeSocat();
    }
}

package org.comptoir.gateway.modem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals made by {@code socat}: {@code modem} for the emulator, {@code app} for
 * the code under test. Stop it before the temporary folder is cleaned (socat removes its links on exit).
 */
public final class SocatPair implements AutoCloseable {

    public final Path modem;
    public final Path app;
    private Process process;

    public SocatPair(Path dir) {
        this.modem = dir.resolve("modem");
        this.app = dir.resolve("app");
    }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts socat and waits (polling, with a deadline) until both links exist. */
    public SocatPair start() throws IOException, InterruptedException {
        process = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + modem, "pty,raw,echo=0,link=" + app)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(modem) && Files.exists(app))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("socat did not create " + modem + " and " + app);
            }
            process.waitFor(20, TimeUnit.MILLISECONDS); // returns early if socat dies
        }
        return this;
    }

    /** Kills socat: both ends see their peer vanish, as when a USB modem is pulled out. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}

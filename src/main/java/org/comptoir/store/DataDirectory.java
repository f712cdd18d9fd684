package org.comptoir.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Comptoir keeps its database, logs and keys: {@code --data-dir}, else {@code COMPTOIR_HOME}, else the
 * platform's per-user application data folder.
 */
public final class DataDirectory {

    public static final String ENV_VARIABLE = "COMPTOIR_HOME";

    private DataDirectory() {
    }

    /**
     * @param explicit the {@code --data-dir} option, or null
     * @param env      the process environment (passed in so tests can choose it)
     * @param osName   the {@code os.name} property
     * @param home     the user's home folder
     */
    public static Path resolve(Path explicit, Map<String, String> env, String osName, Path home) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Comptoir");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Comptoir");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("comptoir");
    }

    /** The folder for this process: {@code explicit} if given, else the environment and platform default. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}

package org.comptoir;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application version, built into {@code org/comptoir/version.properties} by Maven resource filtering. */
public final class AppVersion {

    private AppVersion() {
    }

    /** The version, or {@code unknown} when the resource is missing (a build that skipped resources). */
    public static String current() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/org/comptoir/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package org.comptoir.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.store.StoreMode;
import org.comptoir.store.StoreTarget;

/**
 * Which store this till opens ({@code store.*}): kept in the till's data folder, in {@value #FILE_NAME}, not in the
 * store, since they say how to reach it (and a till whose server is away must still be able to change them). The
 * password is sealed with the folder's {@link SecretBox}, as the HTTP credentials are, and never printed back.
 *
 * <p>Each call reads or writes the file: blocks on disk I/O, never on the FX thread. Thread-safe (no state).
 */
public final class StoreSettings {

    public static final String FILE_NAME = "store-connection.properties";

    public static final String MODE = "store.mode";
    /** postgresql: the JDBC URL; shop-server: the serving PC's host[:port] (empty on the serving PC itself). */
    public static final String URL = "store.url";
    public static final String USER = "store.user";
    public static final String PASSWORD = "store.password";
    /** shop-server, on the serving PC: the address it listens on (this PC's address on the shop's network). */
    public static final String SERVER_ADDRESS = "store.server.address";
    public static final String SERVER_PORT = "store.server.port";

    /** In the order {@code config list} shows them. */
    public static final List<String> KEYS = List.of(MODE, URL, USER, PASSWORD, SERVER_ADDRESS, SERVER_PORT);

    private static final String BIND_PROPERTY = "h2.bindAddress";

    private final Path dataDir;

    public StoreSettings(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Whether {@code key} is one of these settings (then {@code config} handles it without opening the store). */
    public static boolean isStoreKey(String key) {
        return KEYS.contains(key);
    }

    /** The value as {@code config get} shows it: the password masked, unset values empty. */
    public String display(String key) {
        String v = read().getProperty(key, defaultOf(key));
        return PASSWORD.equals(key) && !v.isEmpty() ? "***" : v;
    }

    /** Every setting with its displayed value. */
    public List<Map.Entry<String, String>> list() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String k : KEYS) {
            out.add(Map.entry(k, display(k)));
        }
        return out;
    }

    /**
     * Checks and saves one setting (the password sealed). The store in use changes at the next start.
     *
     * @throws ComptoirException unknown key or invalid value (nothing saved)
     */
    public void set(String key, String value) {
        setAll(Map.of(key, value == null ? "" : value));
    }

    /**
     * Checks every value, then saves them all in one write (the password sealed): a till is never left half pointed at
     * a new store ({@code store migrate} switches mode, URL, user and password together).
     *
     * @throws ComptoirException an unknown key or an invalid value (nothing saved)
     */
    public void setAll(Map<String, String> values) {
        Properties p = read();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = checked(e.getKey(), e.getValue());
            p.setProperty(e.getKey(), PASSWORD.equals(e.getKey()) && !v.isEmpty() ? SecretBox.inFolder(dataDir).seal(v)
                    : v);
        }
        write(p);
    }

    private static String checked(String key, String value) {
        String v = value == null ? "" : value.strip();
        switch (key) {
            case MODE -> v = StoreMode.parse(v).orElseThrow(() ->
                    new ComptoirException(UserMessage.of("store.setting.mode", value))).key();
            case URL -> {
                if (!v.isEmpty() && v.startsWith("jdbc:") && !v.startsWith("jdbc:postgresql:")) {
                    throw new ComptoirException(UserMessage.of("store.postgresql.url", v));
                }
            }
            case SERVER_PORT -> {
                try {
                    int port = Integer.parseInt(v);
                    if (port < 1 || port > 65535) {
                        throw new NumberFormatException(v);
                    }
                } catch (NumberFormatException e) {
                    throw new ComptoirException(UserMessage.of("store.setting.port", value));
                }
            }
            case SERVER_ADDRESS -> {
                if (v.isEmpty() || v.contains(" ")) {
                    throw new ComptoirException(UserMessage.of("store.server.address.missing"));
                }
            }
            case USER, PASSWORD -> {
                // free text; the server says whether it opens
            }
            default -> throw new ComptoirException(UserMessage.of("setting.error.unknown", key));
        }
        return v;
    }

    /**
     * The store to open, from these settings; checked as a whole (a postgresql mode without a URL is refused here,
     * with the setting to give). For the serving PC of a shop server, also tells H2 the address to listen on, which
     * it reads once, before its first use (the application calls this before it opens anything).
     *
     * @throws ComptoirException incomplete settings, or a sealed password from another folder's key
     */
    public StoreTarget target() {
        Properties p = read();
        StoreMode mode = StoreMode.parse(p.getProperty(MODE, StoreMode.EMBEDDED.key())).orElse(StoreMode.EMBEDDED);
        String url = p.getProperty(URL, "");
        String password = SecretBox.isSealed(p.getProperty(PASSWORD)) ? SecretBox.inFolder(dataDir)
                .open(p.getProperty(PASSWORD)) : p.getProperty(PASSWORD, "");
        return switch (mode) {
            case EMBEDDED -> StoreTarget.embedded();
            case POSTGRESQL -> {
                if (!url.startsWith("jdbc:postgresql:")) {
                    throw new ComptoirException(UserMessage.of("store.postgresql.url", url));
                }
                yield StoreTarget.postgresql(url, p.getProperty(USER, ""), password);
            }
            case SHOP_SERVER -> {
                if (!url.isEmpty()) {
                    yield StoreTarget.shopClient(url, password);
                }
                String address = p.getProperty(SERVER_ADDRESS, "");
                if (!address.isEmpty() && System.getProperty(BIND_PROPERTY) == null) {
                    System.setProperty(BIND_PROPERTY, address);
                }
                yield StoreTarget.shopServer(address, Integer.parseInt(p.getProperty(SERVER_PORT,
                        String.valueOf(StoreTarget.DEFAULT_PORT))), password);
            }
        };
    }

    private static String defaultOf(String key) {
        return switch (key) {
            case MODE -> StoreMode.EMBEDDED.key();
            case SERVER_PORT -> String.valueOf(StoreTarget.DEFAULT_PORT);
            default -> "";
        };
    }

    private Properties read() {
        Properties p = new Properties();
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ComptoirException(UserMessage.of("store.io", file, e.getMessage()), e);
            }
        }
        return p;
    }

    private void write(Properties p) {
        Path file = dataDir.resolve(FILE_NAME);
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dataDir);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Comptoir: which store this till opens (config set store.*)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.io", file, e.getMessage()), e);
        }
    }
}

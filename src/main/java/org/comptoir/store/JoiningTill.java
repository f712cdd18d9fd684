package org.comptoir.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;

/**
 * The store layer's part of a new till joining a shared store (a shop server's H2 file, or a chain's PostgreSQL):
 * "test the connection" before anything is changed, the shop server's file key brought to this till, and the empty
 * store the till's first start made, put away once it is proven unused.
 *
 * <p>The probes log in as the application would, read who is there, and disconnect: they never migrate, create or
 * write, so a till pointed at the wrong server leaves it as it was.
 */
public final class JoiningTill {

    /** Who answered: the shop's name in that store (empty when it has none yet), and whether Comptoir's tables are there. */
    public record Found(String where, Optional<String> shopName, boolean comptoirTables) {
    }

    private static final int TIMEOUT_SECONDS = 5;
    /** What a shop would miss: contacts, consents, campaigns, a shop name. */
    private static final String HOLDINGS = "SELECT (SELECT COUNT(*) FROM contact) + (SELECT COUNT(*) FROM consent_event)"
            + " + (SELECT COUNT(*) FROM campaign) + (SELECT COUNT(*) FROM setting WHERE setting_key = 'shop.name')";

    private JoiningTill() {
    }

    /**
     * Logs in to the shop server at {@code hostPort} ({@code host} or {@code host:port}) with the serving PC's file
     * key ({@code keyFile}, its {@code store.key}) and the tills' password.
     *
     * @throws ComptoirException not a key file; the server away; the login refused (the application's own words)
     */
    public static Found probeShopServer(String hostPort, String password, Path keyFile) {
        String where = hostPort.strip().contains(":") ? hostPort.strip() : hostPort.strip() + ":" + StoreTarget.DEFAULT_PORT;
        String fileKey = java.util.HexFormat.of().formatHex(readKey(keyFile));
        // IFEXISTS: an address that reaches some other H2 server must not get an empty store made on it
        String url = "jdbc:h2:tcp://" + where + "/" + Database.BASE_NAME + ";CIPHER=AES;IFEXISTS=TRUE";
        Properties login = new Properties();
        login.setProperty("user", Database.TILL_USER);
        login.setProperty("password", fileKey + " " + (password == null ? "" : password));
        return probe(url, login, where, Dialect.H2);
    }

    /** Logs in to a chain's PostgreSQL database ({@code jdbc:postgresql:…}). */
    public static Found probePostgresql(String url, String user, String password) {
        String u = url == null ? "" : url.strip();
        if (!u.startsWith("jdbc:postgresql:")) {
            throw new ComptoirException(UserMessage.of("store.postgresql.url", u));
        }
        Properties login = new Properties();
        login.setProperty("user", user == null ? "" : user);
        login.setProperty("password", password == null ? "" : password);
        login.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        login.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        return probe(u, login, Database.redacted(u), Dialect.POSTGRESQL);
    }

    /**
     * Whether the embedded store of {@code dataDir} holds nothing a shop would miss: no contact, no consent, no
     * campaign, no shop name. Opens it read-only; a folder without a store file is unused too.
     */
    public static boolean embeddedStoreUnused(Path dataDir) {
        StoreFiles files = new StoreFiles(dataDir);
        if (!Files.exists(files.databaseFile())) {
            return true;
        }
        try (Connection c = DriverManager.getConnection(files.url() + ";CIPHER=AES;ACCESS_MODE_DATA=r;IFEXISTS=TRUE",
                Database.USER, StoreEncryption.passwordOf(files));
             PreparedStatement st = c.prepareStatement(HOLDINGS);
             ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getLong(1) == 0;
        } catch (SQLException e) {
            return false; // a store that cannot be read is never called unused
        }
    }

    /**
     * Whether {@code db}, open, is this till's own embedded store and holds nothing a shop would miss: then the
     * first-run screen may offer to leave it for a shared store.
     */
    public static boolean unusedEmbedded(Database db) {
        return db.target().mode() == StoreMode.EMBEDDED && db.withConnection(c -> Jdbc.queryLong(c, HOLDINGS)) == 0;
    }

    /**
     * Removes the embedded store files of {@code dataDir} (database, trace, file key) after
     * {@link #embeddedStoreUnused} said so: the empty store this till's first start made, which would otherwise
     * stand beside keys of another store. The store must be closed.
     *
     * @throws ComptoirException the store holds something, or a file could not be removed
     */
    public static void discardUnusedEmbeddedStore(Path dataDir) {
        if (!embeddedStoreUnused(dataDir)) {
            throw new ComptoirException(UserMessage.of("store.join.local.used", dataDir));
        }
        StoreFiles files = new StoreFiles(dataDir);
        try {
            Files.deleteIfExists(files.databaseFile());
            Files.deleteIfExists(dataDir.resolve(Database.BASE_NAME + ".trace.db"));
            Files.deleteIfExists(files.keyFile());
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.io", dataDir, e.getMessage()), e);
        }
    }

    /**
     * Copies the serving PC's {@code store.key} into {@code dataDir}, readable by this user only. The same key
     * already there is fine; another one is refused (it opens another store's file) and kept.
     */
    public static void installStoreKey(Path dataDir, Path keyFile) {
        byte[] key = readKey(keyFile);
        Path target = new StoreFiles(dataDir).keyFile();
        try {
            KeyFile.writeNew(target, key);
            if (!Arrays.equals(Files.readAllBytes(target), key)) {
                throw new ComptoirException(UserMessage.of("store.join.key.other", target));
            }
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.io", target, e.getMessage()), e);
        }
    }

    /** Removes this till's copy of a shop server's file key (a join that did not go through). */
    public static void removeStoreKey(Path dataDir) {
        try {
            Files.deleteIfExists(new StoreFiles(dataDir).keyFile());
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.io", dataDir, e.getMessage()), e);
        }
    }

    private static byte[] readKey(Path keyFile) {
        try {
            byte[] key = Files.readAllBytes(keyFile);
            if (key.length != StoreEncryption.KEY_BYTES) {
                throw new ComptoirException(UserMessage.of("store.join.key.invalid", keyFile));
            }
            return key;
        } catch (IOException e) {
            throw new ComptoirException(UserMessage.of("store.join.key.invalid", keyFile), e);
        }
    }

    private static Found probe(String url, Properties login, String where, Dialect dialect) {
        try (Connection c = DriverManager.getConnection(url, login)) {
            c.setReadOnly(true);
            boolean tables;
            String name = dialect == Dialect.POSTGRESQL ? "setting" : "SETTING";
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                tables = rs.next();
            }
            Optional<String> shop = Optional.empty();
            if (tables) {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT setting_value FROM setting WHERE setting_key = 'shop.name'");
                     ResultSet rs = st.executeQuery()) {
                    shop = rs.next() ? Optional.ofNullable(rs.getString(1)).filter(s -> !s.isBlank()) : Optional.empty();
                }
            }
            return new Found(where, shop, tables);
        } catch (SQLException e) {
            throw StoreErrors.translateRemote(e, where);
        }
    }
}

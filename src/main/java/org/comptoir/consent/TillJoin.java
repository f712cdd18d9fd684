package org.comptoir.consent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.StoreSettings;
import org.comptoir.store.JoiningTill;
import org.comptoir.store.StoreMode;

/**
 * A new till joins the shop's shared store from its first-run screen, as {@code config set store.*} then
 * {@code store join} do from the command line: the connection is tested before anything changes; the empty store
 * this till's first start made is put away only once proven unused; the store's keys come from the store, sealed
 * under the passphrase chosen with {@code store share-keys}. Whatever fails, the till is left as a new till again
 * (its own empty store is made at its next open), never half pointed at the shared store.
 *
 * <p>Blocks on the network and the disk: never on the FX thread. The till's own store must be closed.
 */
public final class TillJoin {

    /** Where the shared store is. */
    public sealed interface Shared permits ShopServer, Chain {
    }

    /** A shop server: the serving PC's {@code host[:port]}, the tills' password, a copy of its {@code store.key}. */
    public record ShopServer(String hostPort, String password, Path keyFile) implements Shared {
    }

    /** A chain's PostgreSQL database. */
    public record Chain(String url, String user, String password) implements Shared {
    }

    /** Who answered: the shop's name in that store (empty: none yet), and whether Comptoir's tables are there. */
    public record Found(String where, java.util.Optional<String> shopName, boolean comptoirTables) {
        static Found of(JoiningTill.Found f) {
            return new Found(f.where(), f.shopName(), f.comptoirTables());
        }
    }

    private TillJoin() {
    }

    /** Whether this till's open store is its own, still empty one, which it may leave to join a shared store. */
    public static boolean mayJoin(org.comptoir.store.Database db) {
        return JoiningTill.unusedEmbedded(db);
    }

    /**
     * Logs in and says who is there, changing nothing.
     *
     * @throws ComptoirException incomplete fields, the server away, the login refused
     */
    public static Found test(Shared shared) {
        if (shared instanceof ShopServer s) {
            if (blank(s.hostPort())) {
                throw new ComptoirException(UserMessage.of("store.join.address.missing"));
            }
            if (s.keyFile() == null) {
                throw new ComptoirException(UserMessage.of("store.join.key.missing"));
            }
            return Found.of(JoiningTill.probeShopServer(s.hostPort(), s.password(), s.keyFile()));
        }
        Chain c = (Chain) shared;
        return Found.of(JoiningTill.probePostgresql(c.url(), c.user(), c.password()));
    }

    /**
     * Points this till at {@code shared} and takes the store's keys with {@code passphrase}; a chain's database
     * without Comptoir's tables yet needs none (this till is its first, and makes them at its next open).
     *
     * @throws ComptoirException this till's store holds something, the server away, the login or passphrase refused
     */
    public static Found join(Path dataDir, Shared shared, char[] passphrase) {
        Found found = test(shared);
        if (!JoiningTill.embeddedStoreUnused(dataDir)) {
            throw new ComptoirException(UserMessage.of("store.join.local.used", dataDir));
        }
        boolean first = !found.comptoirTables();
        if (!first && (passphrase == null || passphrase.length == 0)) {
            throw new ComptoirException(UserMessage.of("store.join.passphrase.missing"));
        }
        StoreSettings storeSettings = new StoreSettings(dataDir);
        try {
            JoiningTill.discardUnusedEmbeddedStore(dataDir);
            // the empty store's ledger key: the shared store's takes its place (or is made there, for a first till)
            Files.deleteIfExists(dataDir.resolve(SubjectKey.FILE_NAME));
            storeSettings.setAll(settingsFor(shared));
            if (shared instanceof ShopServer s) {
                JoiningTill.installStoreKey(dataDir, s.keyFile());
            }
            if (!first) {
                StoreKeys.join(dataDir, passphrase);
            }
            return found;
        } catch (IOException e) {
            backToNewTill(dataDir, storeSettings);
            throw new ComptoirException(UserMessage.of("store.io", dataDir, e.getMessage()), e);
        } catch (RuntimeException e) {
            backToNewTill(dataDir, storeSettings);
            throw e;
        }
    }

    private static Map<String, String> settingsFor(Shared shared) {
        Map<String, String> values = new LinkedHashMap<>();
        if (shared instanceof ShopServer s) {
            values.put(StoreSettings.MODE, StoreMode.SHOP_SERVER.key());
            values.put(StoreSettings.URL, s.hostPort().strip());
            values.put(StoreSettings.PASSWORD, s.password() == null ? "" : s.password());
        } else {
            Chain c = (Chain) shared;
            values.put(StoreSettings.MODE, StoreMode.POSTGRESQL.key());
            values.put(StoreSettings.URL, c.url().strip());
            values.put(StoreSettings.USER, c.user() == null ? "" : c.user().strip());
            values.put(StoreSettings.PASSWORD, c.password() == null ? "" : c.password());
        }
        return values;
    }

    /** Undoes a join that did not go through: this PC's own store again, without the shared store's keys. */
    private static void backToNewTill(Path dataDir, StoreSettings storeSettings) {
        storeSettings.setAll(Map.of(StoreSettings.MODE, StoreMode.EMBEDDED.key(), StoreSettings.URL, "",
                StoreSettings.USER, "", StoreSettings.PASSWORD, ""));
        JoiningTill.removeStoreKey(dataDir);
        try {
            Files.deleteIfExists(dataDir.resolve(SubjectKey.FILE_NAME));
        } catch (IOException e) {
            // the next open says plainly what it finds (a key without its store)
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.comptoir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.comptoir.AppContext;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.StoreSettings;
import org.comptoir.store.Database;
import org.comptoir.store.PostgresServer;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new till joins the shop's shared store from its first-run screen ({@link TillJoin}), on a real PostgreSQL and
 * on a real shop server (the serving PC's application serving its H2 file over TCP): its empty store is left only
 * when empty, the connection is tested before anything changes, and a join that fails leaves a new till again.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class TillJoinTest {

    private static final String PASSPHRASE = "la phrase de la boutique";
    private static final PhoneNumber LEA = new PhoneNumber("+33612345678");

    @TempDir
    Path dir;

    @Test
    void aNewTillJoinsTheChainsDatabaseWithThePassphrase(PostgresServer pg) throws Exception {
        TillJoin.Chain chain = new TillJoin.Chain(pg.newDatabase(), PostgresServer.USER, PostgresServer.PASSWORD);
        Path first = dir.resolve("first-till");
        assertThat(TillJoin.join(first, chain, new char[0]).comptoirTables())
                .as("an empty database: the chain's first till, which needs no passphrase").isFalse();
        try (AppContext till = AppContext.open(first)) {
            till.settings().set("shop.name", "Fleurs du Marché");
            till.consent().recordOptIn(LEA, "Léa", till.consent().currentWording().id(), Channel.TILL, "Nina");
            StoreKeys.share(till.database(), PASSPHRASE.toCharArray(), Clock.systemUTC());
        }

        Path newTill = dir.resolve("new-till");
        try (AppContext own = AppContext.open(newTill)) { // its first start made an empty store of its own
            assertThat(TillJoin.mayJoin(own.database())).isTrue();
        }
        TillJoin.Found found = TillJoin.test(chain);
        assertThat(found.shopName()).contains("Fleurs du Marché");
        assertThat(found.comptoirTables()).isTrue();

        assertThatThrownBy(() -> TillJoin.join(newTill, chain, "une autre phrase".toCharArray()))
                .isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.userMessage().key()).isEqualTo("store.keys.wrong"));
        assertThat(new StoreSettings(newTill).display(StoreSettings.MODE)).as("a new till again").isEqualTo("embedded");
        assertThat(newTill.resolve(SubjectKey.FILE_NAME)).doesNotExist();
        try (AppContext own = AppContext.open(newTill)) {
            assertThat(own.consent().lookup(LEA)).as("its own empty store, made again").isEmpty();
        }

        TillJoin.join(newTill, chain, PASSPHRASE.toCharArray());
        try (AppContext joined = AppContext.open(newTill)) {
            assertThat(joined.settings().get("shop.name")).isEqualTo("Fleurs du Marché");
            assertThat(joined.consent().lookup(LEA).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
            joined.consent().recordOptOut(LEA, Channel.TILL, "Paul", null);
        }
        try (AppContext till = AppContext.open(first)) {
            assertThat(till.consent().lookup(LEA).orElseThrow().status()).as("one store for both tills")
                    .isEqualTo(ConsentStatus.OPTED_OUT);
            assertThat(till.consent().verify().intact()).isTrue();
        }
    }

    @Test
    void aTillWithCustomersOfItsOwnIsNeverEmptiedToJoin(PostgresServer pg) throws Exception {
        TillJoin.Chain chain = new TillJoin.Chain(pg.newDatabase(), PostgresServer.USER, PostgresServer.PASSWORD);
        Path till = dir.resolve("busy-till");
        try (AppContext own = AppContext.open(till)) {
            own.settings().set("shop.name", "Boutique d'à côté");
            own.consent().recordOptIn(LEA, null, own.consent().currentWording().id(), Channel.TILL, "Nina");
            assertThat(TillJoin.mayJoin(own.database())).isFalse();
        }
        byte[] key = Files.readAllBytes(till.resolve(SubjectKey.FILE_NAME));
        assertThatThrownBy(() -> TillJoin.join(till, chain, PASSPHRASE.toCharArray()))
                .isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.userMessage().key()).isEqualTo("store.join.local.used"));
        assertThat(Files.readAllBytes(till.resolve(SubjectKey.FILE_NAME))).isEqualTo(key);
        assertThat(new StoreSettings(till).display(StoreSettings.MODE)).isEqualTo("embedded");
        try (AppContext own = AppContext.open(till)) {
            assertThat(own.consent().lookup(LEA)).as("its customers stay").isPresent();
        }
    }

    @Test
    void aNewTillJoinsTheShopServerWithItsKeyFile() throws Exception {
        Path serving = dir.resolve("serving-pc");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (AppContext server = AppContext.open(serving)) {
            server.settings().set("shop.name", "Épicerie Léon");
            server.consent().recordOptIn(LEA, "Léa", server.consent().currentWording().id(), Channel.TILL, "Nina");
            StoreKeys.share(server.database(), PASSPHRASE.toCharArray(), Clock.systemUTC());
        }
        // the serving PC's side as Database.serve sets it up (H2 takes its bind address once per JVM, so the test
        // starts the TCP server itself, on loopback): its store open, the tills' login, H2's TCP server
        Database servingStore = Database.open(serving);
        Server server = null;
        try {
            servingStore.withConnection(c -> {
                try (var st = c.prepareStatement("CREATE USER IF NOT EXISTS TILL PASSWORD ? ADMIN")) {
                    st.setString(1, "mot-de-caisse");
                    st.execute();
                }
                return null;
            });
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", serving.toString()).start();
            Path newTill = dir.resolve("new-till");
            AppContext.open(newTill).close();
            Path usbStick = Files.createDirectories(dir.resolve("usb"));
            Path keyCopy = Files.copy(serving.resolve("store.key"), usbStick.resolve("store.key"));

            TillJoin.ShopServer wrongPassword = new TillJoin.ShopServer("127.0.0.1:" + port, "autre", keyCopy);
            assertThatThrownBy(() -> TillJoin.test(wrongPassword)).isInstanceOfSatisfying(ComptoirException.class,
                    e -> assertThat(e.userMessage().key()).isEqualTo("store.login.refused"));
            Path notAKey = Files.writeString(usbStick.resolve("notes.key"), "pas une clé");
            assertThatThrownBy(() -> TillJoin.test(new TillJoin.ShopServer("127.0.0.1:" + port, "mot-de-caisse",
                    notAKey))).isInstanceOfSatisfying(ComptoirException.class,
                    e -> assertThat(e.userMessage().key()).isEqualTo("store.join.key.invalid"));

            TillJoin.ShopServer shop = new TillJoin.ShopServer("127.0.0.1:" + port, "mot-de-caisse", keyCopy);
            assertThat(TillJoin.test(shop).shopName()).contains("Épicerie Léon");
            TillJoin.join(newTill, shop, PASSPHRASE.toCharArray());
            assertThat(Files.readAllBytes(newTill.resolve("store.key")))
                    .isEqualTo(Files.readAllBytes(serving.resolve("store.key")));
            try (AppContext joined = AppContext.open(newTill)) {
                assertThat(joined.database().where()).contains("127.0.0.1:" + port);
                assertThat(joined.consent().lookup(LEA).orElseThrow().status()).isEqualTo(ConsentStatus.OPTED_IN);
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            servingStore.close();
        }
    }
}

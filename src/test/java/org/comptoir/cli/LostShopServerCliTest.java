package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.comptoir.AppContext;
import org.comptoir.consent.Channel;
import org.comptoir.consent.SubjectKey;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.settings.SecretBox;
import org.comptoir.store.Database;
import org.comptoir.store.Jdbc;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A till of a shop server whose serving PC goes away (H2's TCP server stopped, every session cut) says so plainly,
 * records nothing, and works again once the server is back: from the command line (a new process each time) and in a
 * till that stays open, as the application does, whose pool must not keep handing out the connections the stop
 * killed.
 */
@Timeout(300)
class LostShopServerCliTest {

    private static final String PASSWORD = "mot de passe des caisses";

    @TempDir
    Path dir;

    Path serving;
    Path till;
    Database servingStore;
    Server server;
    int port;

    @BeforeEach
    void aShopServerAndATill() throws Exception {
        serving = dir.resolve("serving-pc");
        try (AppContext ctx = AppContext.open(serving)) {
            ctx.settings().set("shop.name", "Fleurs du Marché");
            ctx.consent().recordOptIn(new PhoneNumber("+33612345601"), "Léa", ctx.consent().currentWording().id(),
                    Channel.TILL, "Nina");
        }
        // the serving PC's side as Database.serve sets it up: its store open, the tills' login, H2's TCP server
        servingStore = Database.open(serving);
        servingStore.withConnection(c -> {
            try (var st = c.prepareStatement("CREATE USER IF NOT EXISTS TILL PASSWORD ? ADMIN")) {
                st.setString(1, PASSWORD);
                st.execute();
            }
            return null;
        });
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startServer();
        till = dir.resolve("till");
        Files.createDirectories(till);
        for (String key : List.of(SubjectKey.FILE_NAME, SecretBox.KEY_FILE, "store.key")) {
            Files.copy(serving.resolve(key), till.resolve(key));
        }
        for (String[] kv : new String[][] {{"store.mode", "shop-server"}, {"store.url", "127.0.0.1:" + port},
                {"store.password", PASSWORD}}) {
            CliHarness.Result r = CliHarness.run(till, "config", "set", kv[0], kv[1]);
            assertThat(r.code()).as(r.err()).isZero();
        }
    }

    @AfterEach
    void stopTheServingPc() {
        if (server != null) {
            server.stop();
        }
        if (servingStore != null) {
            servingStore.close();
        }
    }

    @Test
    void theCommandLineSaysTheServerIsAwayRecordsNothingAndWorksWhenItReturns() throws Exception {
        assertThat(set("Avant").code()).isZero();
        server.stop();
        CliHarness.Result away = set("Pendant");
        assertThat(away.code()).isEqualTo(1);
        assertThat(away.err()).contains("127.0.0.1:" + port).containsAnyOf("injoignable", "cannot be reached")
                .doesNotContain("Exception");
        CliHarness.Result read = CliHarness.run(till, "consent", "verify");
        assertThat(read.code()).isEqualTo(1);
        assertThat(read.err()).containsAnyOf("injoignable", "cannot be reached");
        assertThat(CliHarness.run(till, "config", "get", "store.url").out().strip())
                .as("the till's store settings stay readable").isEqualTo("127.0.0.1:" + port);

        startServer();
        CliHarness.Result back = set("Après");
        assertThat(back.code()).as(back.err()).isZero();
        assertThat(CliHarness.run(till, "config", "get", "shop.name").out().strip()).isEqualTo("Après");
        CliHarness.Result verify = CliHarness.run(till, "consent", "verify");
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(shopNameChanges()).as("nothing recorded while the server was away")
                .containsExactly("shop.name=Fleurs du Marché", "shop.name=Avant", "shop.name=Après");
    }

    @Test
    void aTillThatStaysOpenRefusesToRecordWhileTheServerIsAwayAndRecoversWhenItReturns() throws Exception {
        try (AppContext open = AppContext.open(till)) {
            PhoneNumber marc = new PhoneNumber("+33612345602");
            long wording = open.consent().currentWording().id();
            open.settings().set("shop.name", "Avant");
            server.stop();
            for (int attempt = 0; attempt < 3; attempt++) { // every try, not only the first
                assertThatThrownBy(() -> open.consent().recordOptIn(marc, "Marc", wording, Channel.TILL, "Paul"))
                        .as("attempt %d", attempt).isInstanceOf(ComptoirException.class)
                        .extracting(e -> ((ComptoirException) e).userMessage().key()).isEqualTo("store.unreachable");
            }
            startServer();
            // all the pool's connections died with the server: none of them may be handed out again
            for (int i = 0; i < 20; i++) {
                open.settings().set("shop.name", "Après " + i);
            }
            open.consent().recordOptIn(marc, "Marc", wording, Channel.TILL, "Paul");
            assertThat(open.consent().verify().intact()).isTrue();
            assertThat(open.consent().verify().rowsChecked()).as("Léa's, then Marc's once").isEqualTo(2);
        }
    }

    private CliHarness.Result set(String shopName) {
        return CliHarness.run(till, "config", "set", "shop.name", shopName);
    }

    private List<String> shopNameChanges() {
        return servingStore.withConnection(c -> Jdbc.query(c, "SELECT detail FROM audit WHERE action = "
                + "'SETTING_CHANGED' AND detail LIKE 'shop.name=%' ORDER BY id", rs -> rs.getString(1)));
    }

    private void startServer() throws Exception {
        // loopback only (no -tcpAllowOthers); no -ifNotExists: a till never makes a store on the server
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", serving.toString()).start();
        assertThat(server.isRunning(false)).isTrue();
    }
}

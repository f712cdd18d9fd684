package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.comptoir.settings.StoreSettings;
import org.comptoir.store.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config set store.*} chooses the store a till opens, without opening the current one; the password is kept
 * sealed; the application then works on the store chosen (a real PostgreSQL here), and a store that cannot be reached
 * is said plainly while the settings stay editable.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class StoreModeCliTest {

    @TempDir
    Path dir;

    @Test
    void aTillSetToPostgresqlWorksOnTheServerAndKeepsItsPasswordSealed(PostgresServer pg) throws Exception {
        String url = pg.newDatabase();
        assertThat(CliHarness.run(dir, "config", "set", "store.mode", "postgresql").code()).isZero();
        assertThat(CliHarness.run(dir, "config", "set", "store.url", url).code()).isZero();
        assertThat(CliHarness.run(dir, "config", "set", "store.user", PostgresServer.USER).code()).isZero();
        assertThat(CliHarness.run(dir, "config", "set", "store.password", PostgresServer.PASSWORD).code()).isZero();

        String file = Files.readString(dir.resolve(StoreSettings.FILE_NAME));
        assertThat(file).contains("postgresql").doesNotContain(PostgresServer.PASSWORD);
        assertThat(CliHarness.run(dir, "config", "get", "store.password").out().strip()).isEqualTo("***");
        assertThat(CliHarness.run(dir, "config", "get", "store.mode").out().strip()).isEqualTo("postgresql");

        CliHarness.Result set = CliHarness.run(dir, "config", "set", "shop.name", "Fleurs du Marché");
        assertThat(set.code()).as(set.err()).isZero();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT setting_value FROM setting WHERE setting_key = 'shop.name'")) {
            assertThat(rs.next()).as("the setting is on the server").isTrue();
            assertThat(rs.getString(1)).isEqualTo("Fleurs du Marché");
        }
        assertThat(Files.exists(dir.resolve("comptoir.mv.db"))).as("no embedded store made beside").isFalse();
        CliHarness.Result verify = CliHarness.run(dir, "consent", "verify");
        assertThat(verify.code()).as(verify.err()).isZero();
    }

    @Test
    void aWrongModeIsRefusedAndTheSavedOneKept() {
        assertThat(CliHarness.run(dir, "config", "set", "store.mode", "shop-server").code()).isZero();
        CliHarness.Result bad = CliHarness.run(dir, "config", "set", "store.mode", "cloud");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("cloud").contains("postgresql");
        assertThat(CliHarness.run(dir, "config", "get", "store.mode").out().strip()).isEqualTo("shop-server");
        CliHarness.Result port = CliHarness.run(dir, "config", "set", "store.server.port", "99999");
        assertThat(port.code()).isEqualTo(1);
        assertThat(port.err()).contains("99999");
        assertThat(CliHarness.run(dir, "config", "set", "store.url", "jdbc:mysql://x/y").code()).isEqualTo(1);
    }

    @Test
    void aServerThatIsNotThereIsSaidPlainlyAndTheSettingsStayEditable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once closed
        }
        String away = "jdbc:postgresql://127.0.0.1:" + closed + "/comptoir";
        CliHarness.run(dir, "config", "set", "store.mode", "postgresql");
        CliHarness.run(dir, "config", "set", "store.url", away);
        CliHarness.Result verify = CliHarness.run(dir, "consent", "verify");
        assertThat(verify.code()).isEqualTo(1);
        assertThat(verify.err()).contains(away).doesNotContain("Exception");
        // the owner can still point the till back at its own file
        assertThat(CliHarness.run(dir, "config", "set", "store.mode", "embedded").code()).isZero();
        CliHarness.Result back = CliHarness.run(dir, "consent", "verify");
        assertThat(back.code()).as(back.err()).isZero();
    }
}

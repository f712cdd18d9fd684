package org.comptoir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.comptoir.settings.StoreSettings;
import org.comptoir.store.StoreMode;
import org.comptoir.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop server is never served on every interface by default, nor without a password: the serving PC refuses to
 * start serving until the owner has chosen both; a till names the serving PC by its address.
 */
class ShopServerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theServingPcRefusesToServeWithoutAnAddressChosenByTheOwner() {
        CliHarness.run(dir, "config", "set", "store.mode", "shop-server");
        CliHarness.run(dir, "config", "set", "store.password", "mot de passe des caisses");
        CliHarness.Result r = CliHarness.run(dir, "consent", "verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("store.server.address");
        StoreTarget t = new StoreSettings(dir).target();
        assertThat(t.serve()).isEmpty();
        assertThat(t.local()).as("the serving PC's store is its own file").isTrue();
    }

    @Test
    void theServingPcRefusesToServeWithoutAPassword() {
        CliHarness.run(dir, "config", "set", "store.mode", "shop-server");
        CliHarness.run(dir, "config", "set", "store.server.address", "192.0.2.10");
        CliHarness.Result r = CliHarness.run(dir, "consent", "verify");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("store.password");
    }

    @Test
    void aTillNamesTheServingPcAndKeepsItsPasswordSealed() {
        CliHarness.run(dir, "config", "set", "store.mode", "shop-server");
        CliHarness.run(dir, "config", "set", "store.url", "192.0.2.10:9123");
        CliHarness.run(dir, "config", "set", "store.password", "mot de passe des caisses");
        StoreTarget t = new StoreSettings(dir).target();
        assertThat(t.mode()).isEqualTo(StoreMode.SHOP_SERVER);
        assertThat(t.local()).isFalse();
        assertThat(t.url()).isEqualTo("192.0.2.10:9123");
        assertThat(t.password()).isEqualTo("mot de passe des caisses");
        assertThat(t.toString()).doesNotContain("mot de passe");
        CliHarness.Result list = CliHarness.run(dir, "config", "get", "store.password");
        assertThat(list.out().strip()).isEqualTo("***");
    }
}

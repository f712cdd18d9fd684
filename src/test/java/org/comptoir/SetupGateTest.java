package org.comptoir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.comptoir.i18n.Messages;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.TillSettings;
import org.comptoir.ui.CurrentThreadTaskExecutor;
import org.comptoir.ui.setup.SetupViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The set-up stands between the owner and the app until the shop has a name and an owner PIN. */
class SetupGateTest {

    @TempDir
    Path dir;

    @Test
    void aNewStoreNeedsTheSetUp() {
        try (AppContext app = AppContext.open(dir)) {
            assertThat(App.needsSetup(app)).isTrue();
        }
    }

    @Test
    void aStoreSetUpFromTheCommandLineWithoutAPinStillNeedsItPrefilledWithWhatIsKnown() {
        try (AppContext app = AppContext.open(dir)) {
            app.settings().set(CoreSettings.SHOP_NAME, "Fleurs de Léa");
            app.settings().set(CoreSettings.OPTOUT_MENTION, "STOP au 36111");

            assertThat(App.needsSetup(app)).isTrue();
            SetupViewModel vm = new SetupViewModel(app.settings(), Messages.forLanguage("fr"),
                    new CurrentThreadTaskExecutor());
            vm.prefill(SetupViewModel.Known.readFrom(app.settings()));
            assertThat(vm.shopNameProperty().get()).isEqualTo("Fleurs de Léa");
            assertThat(vm.optOutMentionProperty().get()).isEqualTo("STOP au 36111");
            assertThat(vm.countryProperty().get()).isEqualTo("FR");
            assertThat(vm.pinProperty().get()).isEmpty();
        }
    }

    @Test
    void aShopWithANameAndAPinGoesStraightToTheTill() {
        try (AppContext app = AppContext.open(dir)) {
            app.settings().set(CoreSettings.SHOP_NAME, "Fleurs de Léa");
            app.settings().set(TillSettings.OWNER_PIN, "2468");

            assertThat(App.needsSetup(app)).isFalse();
        }
    }
}

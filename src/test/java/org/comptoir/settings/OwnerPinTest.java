package org.comptoir.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.comptoir.cli.CliHarness;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerPinTest {

    @TempDir
    Path dir;

    @Test
    void hashMatchesOnlyTheSamePin() {
        String stored = OwnerPin.hash("1234");
        assertThat(stored).startsWith("pbkdf2-sha256$" + OwnerPin.ITERATIONS + "$").doesNotContain("1234$");
        assertThat(OwnerPin.matches("1234", stored)).isTrue();
        assertThat(OwnerPin.matches("1235", stored)).isFalse();
        assertThat(OwnerPin.matches("12345", stored)).isFalse();
        assertThat(OwnerPin.matches("", stored)).isFalse();
    }

    @Test
    void typedTwiceMustMatchAndFormatComesFirst() {
        assertThat(OwnerPin.validate("2468", "2468")).isEmpty();
        assertThat(OwnerPin.validate("2468", "2469")).map(m -> m.key()).contains("pin.error.mismatch");
        assertThat(OwnerPin.validate("12", "13")).map(m -> m.key()).contains("pin.error.format");
    }

    @Test
    void saltMakesEveryHashDifferent() {
        assertThat(OwnerPin.hash("1234")).isNotEqualTo(OwnerPin.hash("1234"));
    }

    @Test
    void atLeastAHundredThousandIterations() {
        assertThat(OwnerPin.ITERATIONS).isGreaterThanOrEqualTo(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pbkdf2-sha256$x$y$z", "pbkdf2-sha256$0$AAAA$AAAA", "md5$1$AA$AA", "1234",
            "pbkdf2-sha256$1000$!!$AAAA"})
    void malformedStoredValuesNeverMatch(String stored) {
        assertThat(OwnerPin.matches("1234", stored)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "123456789", "12a4", " 1234", ""})
    void pinIsFourToEightDigits(String pin) {
        assertThat(OwnerPin.validate(pin)).get().extracting(m -> m.key()).isEqualTo("pin.error.format");
    }

    @Test
    void settingStoresTheHashAndMasksIt() {
        try (Database db = Database.open(dir)) {
            Settings settings = new Settings(db, TillSettings.DEFINITIONS);
            OwnerPin pin = new OwnerPin(settings);
            assertThat(pin.isSet()).isFalse();
            assertThat(pin.check("")).isFalse();
            pin.change("482913");
            assertThat(settings.get(TillSettings.OWNER_PIN)).startsWith("pbkdf2-sha256$").doesNotContain("482913");
            assertThat(pin.isSet()).isTrue();
            assertThat(pin.check("482913")).isTrue();
            assertThat(pin.check("482914")).isFalse();
            assertThat(settings.list()).contains(java.util.Map.entry(TillSettings.OWNER_PIN, "***"));
            assertThatThrownBy(() -> pin.change("12")).isInstanceOf(ComptoirException.class);
            assertThat(pin.check("482913")).as("a refused PIN keeps the old one").isTrue();
        }
    }

    @Test
    void configSetOwnerPinStoresTheHash() {
        CliHarness.Result set = CliHarness.run(dir, "config", "set", "owner.pin", "2580");
        assertThat(set.code()).as(set.err()).isZero();
        CliHarness.Result listed = CliHarness.run(dir, "config", "list");
        assertThat(listed.out()).contains("owner.pin").contains("***").doesNotContain("2580").doesNotContain("pbkdf2");
        try (Database db = Database.open(dir)) {
            OwnerPin pin = new OwnerPin(new Settings(db, TillSettings.DEFINITIONS));
            assertThat(pin.check("2580")).isTrue();
        }
    }

    @Test
    void changingTheOwnerPinFromTheCliNeedsTheCurrentOneOrTheRecoveryKey() throws Exception {
        assertThat(CliHarness.run(dir, "config", "set", "owner.pin", "2580").code()).isZero();

        CliHarness.Result bare = CliHarness.run(dir, "config", "set", "owner.pin", "1111");
        assertThat(bare.code()).isEqualTo(org.comptoir.cli.Cli.FAILED);
        assertThat(bare.err()).contains("--current-pin");
        CliHarness.Result wrong = CliHarness.run(dir, "config", "set", "owner.pin", "1111", "--current-pin=0000");
        assertThat(wrong.code()).isEqualTo(org.comptoir.cli.Cli.FAILED);
        CliHarness.Result notTheKey = CliHarness.run(dir, "config", "set", "owner.pin", "1111", "--recovery-key",
                dir.resolve("settings.key").toString());
        assertThat(notTheKey.code()).isEqualTo(org.comptoir.cli.Cli.FAILED);
        assertThat(pinIs("2580")).as("refused changes keep the old PIN").isTrue();

        CliHarness.Result typed = CliHarness.runWithInput(dir, "2580\n", "config", "set", "owner.pin", "3690",
                "--current-pin");
        assertThat(typed.code()).as(typed.err()).isZero();
        assertThat(pinIs("3690")).isTrue();

        java.nio.file.Path usbCopy = dir.resolveSibling(dir.getFileName() + "-ledger.key");
        java.nio.file.Files.copy(dir.resolve("ledger.key"), usbCopy);
        CliHarness.Result recovered = CliHarness.run(dir, "config", "set", "owner.pin", "4826", "--recovery-key",
                usbCopy.toString());
        assertThat(recovered.code()).as(recovered.err()).isZero();
        assertThat(pinIs("4826")).isTrue();
    }

    private boolean pinIs(String pin) {
        try (Database db = Database.open(dir)) {
            return new OwnerPin(new Settings(db, TillSettings.DEFINITIONS)).check(pin);
        }
    }
}

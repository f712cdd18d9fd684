package org.comptoir.ui.setup;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.CoreSettings;
import org.comptoir.settings.OwnerPin;
import org.comptoir.settings.Settings;
import org.comptoir.ui.TaskExecutor;

/**
 * First-run set-up: the shop's name, country, opt-out mention and the owner PIN (typed twice). Each field is
 * checked by the same validators as {@code config set}; nothing is saved until all are right. The shop name
 * is written last because "shop.name is set" is what marks set-up as done.
 */
public final class SetupViewModel {

    private final Settings settings;
    private final Messages messages;
    private final TaskExecutor executor;

    // Properties
    private final StringProperty shopName = new SimpleStringProperty("");
    private final StringProperty country = new SimpleStringProperty("");
    private final StringProperty optOutMention = new SimpleStringProperty("STOP au 36180");
    private final StringProperty pin = new SimpleStringProperty("");
    private final StringProperty pinAgain = new SimpleStringProperty("");
    private final StringProperty shopNameError = new SimpleStringProperty("");
    private final StringProperty countryError = new SimpleStringProperty("");
    private final StringProperty optOutError = new SimpleStringProperty("");
    private final StringProperty pinError = new SimpleStringProperty("");
    private final StringProperty generalError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public SetupViewModel(Settings settings, Messages messages, TaskExecutor executor) {
        this.settings = settings;
        this.messages = messages;
        this.executor = executor;
        optOutMention.set(settings.definition(CoreSettings.OPTOUT_MENTION).defaultValue());
        country.set(settings.definition(CoreSettings.SHOP_COUNTRY).defaultValue());
        // A message about a field goes away as soon as that field is edited; save checks everything again.
        shopName.addListener((obs, was, now) -> shopNameError.set(""));
        country.addListener((obs, was, now) -> countryError.set(""));
        optOutMention.addListener((obs, was, now) -> optOutError.set(""));
        pin.addListener((obs, was, now) -> pinError.set(""));
        pinAgain.addListener((obs, was, now) -> pinError.set(""));
    }

    /** What the store already holds, read in the background before the set-up is shown. */
    public record Known(String shopName, String country, String optOutMention) {

        /** Blocks on the database: call off the FX thread. */
        public static Known readFrom(Settings settings) {
            return new Known(settings.get(CoreSettings.SHOP_NAME), settings.get(CoreSettings.SHOP_COUNTRY),
                    settings.get(CoreSettings.OPTOUT_MENTION));
        }
    }

    /** Starts from the values already saved (a set-up finished from the command line lacks only the PIN). */
    public void prefill(Known known) {
        if (known == null) {
            return;
        }
        shopName.set(known.shopName());
        country.set(known.country());
        optOutMention.set(known.optOutMention());
    }

    public StringProperty shopNameProperty() {
        return shopName;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public StringProperty optOutMentionProperty() {
        return optOutMention;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty pinAgainProperty() {
        return pinAgain;
    }

    public StringProperty shopNameErrorProperty() {
        return shopNameError;
    }

    public StringProperty countryErrorProperty() {
        return countryError;
    }

    public StringProperty optOutErrorProperty() {
        return optOutError;
    }

    public StringProperty pinErrorProperty() {
        return pinError;
    }

    public StringProperty generalErrorProperty() {
        return generalError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    // Commands

    /** Checks every field (messages appear beside them); true when all are acceptable. */
    public boolean validate() {
        boolean ok = show(shopNameError, settings.check(CoreSettings.SHOP_NAME, shopName.get()));
        ok &= show(countryError, settings.check(CoreSettings.SHOP_COUNTRY, country.get()));
        ok &= show(optOutError, settings.check(CoreSettings.OPTOUT_MENTION, optOutMention.get()));
        ok &= show(pinError, OwnerPin.validate(pin.get(), pinAgain.get()));
        return ok;
    }

    /** Validates, then saves in the background and runs {@code onSaved} on the UI thread. */
    public void save(Runnable onSaved) {
        generalError.set("");
        if (busy.get() || !validate()) {
            return;
        }
        busy.set(true);
        String name = shopName.get();
        String countryCode = country.get();
        String mention = optOutMention.get();
        String ownerPin = pin.get();
        executor.execute(() -> {
            settings.set(CoreSettings.SHOP_COUNTRY, countryCode);
            settings.set(CoreSettings.OPTOUT_MENTION, mention);
            new OwnerPin(settings).change(ownerPin);
            settings.set(CoreSettings.SHOP_NAME, name);
            return null;
        }, done -> {
            busy.set(false);
            pin.set("");
            pinAgain.set("");
            onSaved.run();
        }, failure -> {
            busy.set(false);
            generalError.set(failure instanceof ComptoirException ce ? messages.render(ce.userMessage())
                    : messages.get("app.error.unexpected", String.valueOf(failure.getMessage())));
        });
    }

    private boolean show(StringProperty target, Optional<UserMessage> problem) {
        target.set(problem.map(messages::render).orElse(""));
        return problem.isEmpty();
    }
}

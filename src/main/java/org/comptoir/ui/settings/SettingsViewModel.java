package org.comptoir.ui.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.SettingRule;
import org.comptoir.settings.Settings;
import org.comptoir.ui.TaskExecutor;

/**
 * Every setting of every feature, editable with the checks of {@code config set}. Secret settings are not
 * shown; the owner PIN has its own "change" form. Values are loaded and saved in the background.
 */
public final class SettingsViewModel {

    /** One editable setting: its value as typed and the current problem with it. */
    public record Row(SettingDefinition definition, StringProperty value, StringProperty error) {
    }

    private final Settings settings;
    private final Messages messages;
    private final TaskExecutor executor;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, String> saved = new LinkedHashMap<>();

    // Properties
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty bannerIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final StringProperty newPin = new SimpleStringProperty("");
    private final StringProperty newPinAgain = new SimpleStringProperty("");
    private final StringProperty pinError = new SimpleStringProperty("");

    public SettingsViewModel(Settings settings, Messages messages, TaskExecutor executor) {
        this.settings = settings;
        this.messages = messages;
        this.executor = executor;
        for (SettingDefinition d : settings.definitions()) {
            if (!d.secret()) {
                Row row = new Row(d, new SimpleStringProperty(d.defaultValue()), new SimpleStringProperty(""));
                row.value().addListener((obs, was, now) -> checkWithPartners(row));
                rows.put(d.key(), row);
            }
        }
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    public Row row(String key) {
        return rows.get(key);
    }

    public StringProperty bannerProperty() {
        return banner;
    }

    public BooleanProperty bannerIsErrorProperty() {
        return bannerIsError;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public StringProperty newPinProperty() {
        return newPin;
    }

    public StringProperty newPinAgainProperty() {
        return newPinAgain;
    }

    public StringProperty pinErrorProperty() {
        return pinError;
    }

    // Commands

    public void load() {
        List<String> keys = new ArrayList<>(rows.keySet());
        executor.execute(() -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : keys) {
                values.put(key, settings.get(key));
            }
            return values;
        }, values -> {
            saved.clear();
            saved.putAll(values);
            values.forEach((k, v) -> rows.get(k).value().set(v));
            loaded.set(true);
        }, this::fail);
    }

    /** Whether a value on screen differs from the one saved (before the first load: none does). */
    public boolean hasUnsavedChanges() {
        return loaded.get() && rows.values().stream()
                .anyMatch(r -> !r.value().get().strip().equals(saved.get(r.definition().key())));
    }

    /** Saves the changed values that pass their checks; a refused one keeps its message beside the field. */
    public void save() {
        saveThen(ok -> { });
    }

    /** {@link #save}, then {@code done} gets whether everything changed is saved (false: refused, reason shown). */
    public void saveThen(java.util.function.Consumer<Boolean> done) {
        Map<String, String> changed = new LinkedHashMap<>();
        boolean valid = true;
        for (Row row : rows.values()) {
            valid &= check(row);
            if (!row.value().get().strip().equals(saved.get(row.definition().key()))) {
                changed.put(row.definition().key(), row.value().get());
            }
        }
        if (!valid) {
            say(messages.get("settings.invalid"), true);
            done.accept(false);
            return;
        }
        if (changed.isEmpty()) {
            say(messages.get("settings.unchanged"), false);
            done.accept(true);
            return;
        }
        // all or nothing, and checked across settings again there: the command line could have changed one meanwhile
        executor.execute(() -> {
            settings.setAll(changed);
            return changed;
        }, written -> {
            written.forEach((k, v) -> saved.put(k, v.strip()));
            String note = written.containsKey(CoreSettings.UI_LANGUAGE) ? " " + messages.get("settings.language.restart") : "";
            say(messages.get("settings.saved", written.size()) + note, false);
            done.accept(true);
        }, error -> {
            fail(error);
            done.accept(false);
        });
    }

    /** Changes the owner PIN (typed twice); the old one stops working at once. */
    public void changePin() {
        Optional<UserMessage> problem = OwnerPin.validate(newPin.get(), newPinAgain.get());
        pinError.set(problem.map(messages::render).orElse(""));
        if (problem.isPresent()) {
            return;
        }
        String pin = newPin.get();
        executor.execute(() -> {
            new OwnerPin(settings).change(pin);
            return null;
        }, done -> {
            newPin.set("");
            newPinAgain.set("");
            say(messages.get("settings.pin.changed"), false);
        }, this::fail);
    }

    /** Its own check first, then the rules across settings that read it (pure: no database). */
    private boolean check(Row row) {
        String key = row.definition().key();
        Optional<UserMessage> problem = settings.check(key, row.value().get());
        if (problem.isEmpty()) {
            problem = settings.ruleProblems(this::typed).stream()
                    .filter(p -> p.getKey().keys().contains(key)).map(Map.Entry::getValue).findFirst();
        }
        row.error().set(problem.map(messages::render).orElse(""));
        return problem.isEmpty();
    }

    /** A change to one pause rechecks the other: fixing either side clears the message on both. */
    private void checkWithPartners(Row row) {
        check(row);
        for (SettingRule rule : settings.rules()) {
            if (rule.keys().contains(row.definition().key())) {
                rule.keys().stream().map(rows::get).filter(r -> r != null && r != row).forEach(this::check);
            }
        }
    }

    /** The value as typed in the form; "" for a setting the form does not show. */
    private String typed(String key) {
        Row row = rows.get(key);
        return row == null ? "" : row.value().get().strip();
    }

    private void say(String text, boolean error) {
        bannerIsError.set(error);
        banner.set(text);
    }

    private void fail(Throwable failure) {
        say(failure instanceof ComptoirException ce ? messages.render(ce.userMessage())
                : messages.get("app.error.unexpected", String.valueOf(failure.getMessage())), true);
    }
}

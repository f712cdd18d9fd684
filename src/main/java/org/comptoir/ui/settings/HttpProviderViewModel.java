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
import org.comptoir.dispatch.HttpGatewayFactory;
import org.comptoir.gateway.http.HttpGateway;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.i18n.UserMessage;
import org.comptoir.settings.HttpSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.comptoir.ui.TaskExecutor;

/**
 * The SMS provider section of the settings: the provider, only that provider's fields (credentials included,
 * never shown back once saved), "Test" with the values as typed, and saving them with the screen. Loading, testing and saving
 * run on the executor.
 */
public final class HttpProviderViewModel {

    private final Settings settings;
    private final Messages messages;
    private final TaskExecutor executor;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> secretSaved = new LinkedHashMap<>();
    private final Map<String, String> saved = new LinkedHashMap<>();

    // Properties
    private final StringProperty provider = new SimpleStringProperty("ovh");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public HttpProviderViewModel(Settings settings, Messages messages, TaskExecutor executor) {
        this.settings = settings;
        this.messages = messages;
        this.executor = executor;
        for (SettingDefinition d : HttpSettings.DEFINITIONS) {
            if (d.key().equals(HttpSettings.PROVIDER)) {
                continue;
            }
            StringProperty v = new SimpleStringProperty(d.secret() ? "" : d.defaultValue());
            StringProperty e = new SimpleStringProperty("");
            v.addListener((obs, was, now) -> check(d.key()));
            values.put(d.key(), v);
            errors.put(d.key(), e);
            if (d.secret()) {
                secretSaved.put(d.key(), new SimpleBooleanProperty(false));
            }
        }
    }

    /** The keys the owner sees for {@code provider}: address, pace, then the provider's own fields. */
    public static List<String> keysFor(String provider) {
        List<String> keys = new ArrayList<>(List.of(HttpSettings.BASE_URL, HttpSettings.RATE, HttpSettings.CONCURRENCY));
        HttpSettings.fieldsOf(provider).forEach(d -> keys.add(d.key()));
        return keys;
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public StringProperty value(String key) {
        return values.get(key);
    }

    public StringProperty error(String key) {
        return errors.get(key);
    }

    /** For a secret: whether one is saved (the field stays empty; typing replaces it). */
    public BooleanProperty secretSaved(String key) {
        return secretSaved.get(key);
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty statusIsErrorProperty() {
        return statusIsError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    // Commands

    public void load() {
        executor.execute(() -> {
            Map<String, String> v = new LinkedHashMap<>();
            v.put(HttpSettings.PROVIDER, settings.get(HttpSettings.PROVIDER));
            for (String key : values.keySet()) {
                v.put(key, settings.definition(key).secret() ? (settings.isSet(key) && !settings.get(key).isEmpty()
                        ? "set" : "") : settings.get(key));
            }
            return v;
        }, v -> {
            saved.clear();
            saved.putAll(v);
            provider.set(v.get(HttpSettings.PROVIDER));
            v.forEach((k, val) -> {
                if (secretSaved.containsKey(k)) {
                    secretSaved.get(k).set(!val.isEmpty());
                } else if (values.containsKey(k)) {
                    values.get(k).set(val);
                }
            });
        }, this::fail);
    }

    /** Checks the typed credentials with the provider's account call; shows the remaining credit. */
    public void test() {
        if (!valid()) {
            return;
        }
        Map<String, String> typed = typed();
        busy.set(true);
        say(messages.get("http.test.checking", provider.get()), false);
        executor.execute(() -> {
            try (HttpGateway gateway = HttpGateway.create(HttpGatewayFactory.config(settings, typed))) {
                return gateway.checkAccount();
            }
        }, check -> {
            busy.set(false);
            if (!check.checked()) {
                say(messages.get("http.test.no.check", check.provider()), false);
                return;
            }
            say(messages.get("http.test.ok", check.provider()) + " " + check.credit()
                    .map(c -> messages.get("http.test.credit", c))
                    .orElse(messages.get("http.test.no.credit", check.provider())), false);
        }, e -> {
            busy.set(false);
            fail(e);
        });
    }

    /**
     * Whether the provider or one of its shown fields differs from what was loaded or saved (a typed secret always
     * does: the saved one is never shown back). False until loaded.
     */
    public boolean hasUnsavedChanges() {
        return !saved.isEmpty() && !changed().isEmpty();
    }

    /** Saves the provider and its changed fields (nothing, silently, when none changed); an empty secret keeps the saved one. */
    public void save() {
        saveThen(ok -> { });
    }

    /** {@link #save}, then {@code done} gets whether everything changed is saved (false: refused, reason shown). */
    public void saveThen(java.util.function.Consumer<Boolean> done) {
        if (!valid()) {
            done.accept(false);
            return;
        }
        Map<String, String> changed = changed();
        if (changed.isEmpty()) {
            done.accept(true);
            return;
        }
        executor.execute(() -> {
            for (Map.Entry<String, String> e : changed.entrySet()) {
                settings.set(e.getKey(), e.getValue());
            }
            return changed;
        }, stored -> {
            stored.forEach((k, v) -> {
                if (secretSaved.containsKey(k)) {
                    secretSaved.get(k).set(true);
                    values.get(k).set("");
                } else {
                    saved.put(k, v.strip());
                }
            });
            say(messages.get("http.ui.saved"), false);
            done.accept(true);
        }, e -> {
            fail(e);
            done.accept(false);
        });
    }

    /** The provider and its shown fields that differ from what was saved; a typed secret is a change. */
    private Map<String, String> changed() {
        Map<String, String> changed = new LinkedHashMap<>();
        typed().forEach((k, v) -> {
            boolean secret = secretSaved.containsKey(k);
            if (secret ? !v.isEmpty() : !v.strip().equals(saved.get(k))) {
                changed.put(k, v);
            }
        });
        return changed;
    }

    /** The provider and the fields it shows, as typed. */
    private Map<String, String> typed() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(HttpSettings.PROVIDER, provider.get());
        for (String key : keysFor(provider.get())) {
            t.put(key, values.get(key).get());
        }
        return t;
    }

    private boolean valid() {
        boolean ok = true;
        for (String key : keysFor(provider.get())) {
            ok &= check(key);
        }
        if (!ok) {
            say(messages.get("settings.invalid"), true);
        }
        return ok;
    }

    private boolean check(String key) {
        Optional<UserMessage> problem = settings.check(key, values.get(key).get());
        errors.get(key).set(problem.map(messages::render).orElse(""));
        return problem.isEmpty();
    }

    private void say(String text, boolean error) {
        statusIsError.set(error);
        status.set(text);
    }

    private void fail(Throwable failure) {
        say(failure instanceof ComptoirException ce ? messages.get("http.test.failed", messages.render(ce.userMessage()))
                : messages.get("app.error.unexpected", String.valueOf(failure.getMessage())), true);
    }
}

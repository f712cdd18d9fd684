package org.comptoir.ui.setup;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.comptoir.consent.TillJoin;
import org.comptoir.i18n.ComptoirException;
import org.comptoir.i18n.Messages;
import org.comptoir.ui.TaskExecutor;

/**
 * The first-run screen's "join another till's store": where the store is (a shop server or the chain's PostgreSQL),
 * "Test" (logs in, says which shop answered, changes nothing) and "Join" ({@link TillJoin#join} through the
 * application, which closes this till's empty store first and opens the shared one after).
 */
public final class JoinStoreViewModel {

    /** Where the shared store is. */
    public enum Kind { SHOP_SERVER, POSTGRESQL }

    /**
     * Joins for the application: closes this till's own store, runs {@link TillJoin#join}, opens the store it now
     * names, and gives back what to show next (run on the FX thread). On failure it has opened this till's own store
     * again before throwing. Blocks: called off the FX thread.
     */
    @FunctionalInterface
    public interface Joiner {
        Runnable join(TillJoin.Shared shared, char[] passphrase) throws Exception;
    }

    private final Messages messages;
    private final TaskExecutor executor;
    private final Joiner joiner;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.SHOP_SERVER);
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    /** Typed, or filled by the file chooser: a USB stick's path is quicker typed at a till than browsed to. */
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("jdbc:postgresql://");
    private final StringProperty user = new SimpleStringProperty("comptoir");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public JoinStoreViewModel(Messages messages, TaskExecutor executor, Joiner joiner) {
        this.messages = messages;
        this.executor = executor;
        this.joiner = joiner;
        // an answer about other fields than those on screen would mislead
        Runnable stale = () -> {
            if (!busy.get()) {
                status.set("");
            }
        };
        for (var p : java.util.List.of(address, password, url, user, keyFile)) {
            p.addListener((o, was, now) -> stale.run());
        }
        kind.addListener((o, was, now) -> stale.run());
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
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

    /** The fields on screen as a shared store. */
    TillJoin.Shared shared() {
        return kind.get() == Kind.SHOP_SERVER
                ? new TillJoin.ShopServer(address.get().strip(), password.get(),
                        keyFile.get().isBlank() ? null : Path.of(keyFile.get().strip()))
                : new TillJoin.Chain(url.get().strip(), user.get().strip(), password.get());
    }

    /** Logs in to the store the fields name and says who answered; changes nothing. */
    public void test() {
        if (busy.get()) {
            return;
        }
        TillJoin.Shared shared = shared();
        begin(messages.get("store.join.testing", where(shared)));
        executor.execute(() -> TillJoin.test(shared), found -> {
            busy.set(false);
            show(foundText(found), false);
        }, this::failed);
    }

    /** Joins the store the fields name; {@code next} (from the application) shows the shared store's screens. */
    public void join() {
        if (busy.get()) {
            return;
        }
        TillJoin.Shared shared = shared();
        char[] phrase = passphrase.get().toCharArray();
        begin(messages.get("store.join.joining"));
        executor.execute(() -> joiner.join(shared, phrase), next -> {
            busy.set(false);
            passphrase.set("");
            next.run();
        }, this::failed);
    }

    private String foundText(TillJoin.Found found) {
        if (!found.comptoirTables()) {
            return messages.get("store.join.found.empty", found.where());
        }
        return found.shopName().map(name -> messages.get("store.join.found", found.where(), name))
                .orElseGet(() -> messages.get("store.join.found.unnamed", found.where()));
    }

    private static String where(TillJoin.Shared shared) {
        return shared instanceof TillJoin.ShopServer s ? s.hostPort() : ((TillJoin.Chain) shared).url();
    }

    private void begin(String text) {
        busy.set(true);
        show(text, false);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        show(failure instanceof ComptoirException ce ? messages.render(ce.userMessage())
                : messages.get("app.error.unexpected", String.valueOf(failure.getMessage())), true);
    }

    private void show(String text, boolean error) {
        statusIsError.set(error);
        status.set(text);
    }
}

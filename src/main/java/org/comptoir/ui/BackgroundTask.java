package org.comptoir.ui;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * A long background job the owner can watch and stop, after JabRef's {@code BackgroundTask}: a title, a progress
 * (-1 while unknown), a message, and a cancel that the work honours at its next step. Built on the FX thread, run by
 * {@link TaskExecutor#execute(BackgroundTask)}; its properties change on the FX thread only, so a view binds them.
 *
 * <p>Cancel is cooperative (a flag the work reads through {@link Context#cancelled()}), never a thread interrupt:
 * an interrupt closes H2's file channel under an open transaction.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {

    /** What the work sees while it runs, on its own thread: thread-safe. */
    public interface Context {
        /** {@code done} of {@code total} steps; {@code total <= 0} while unknown. */
        void progress(long done, long total);

        /** A short sentence of where it is ("Lecture du fichier…"). */
        void message(String text);

        /** Whether the owner asked to stop: the work then stops at its next step and leaves nothing half-done. */
        boolean cancelled();
    }

    /** The job itself: runs on a worker thread, may block. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Context context) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled;

    // Properties (FX thread)
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();

    public BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    /** Called on the FX thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<T> listener) {
        this.onSuccess = Objects.requireNonNull(listener);
        return this;
    }

    /** Called on the FX thread when the work threw (also after a cancel, unless {@link #onCancelled} is set). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> listener) {
        this.onFailure = Objects.requireNonNull(listener);
        return this;
    }

    /** Called on the FX thread instead of {@link #onFailure} when the work ended because it was cancelled. */
    public BackgroundTask<T> onCancelled(Runnable listener) {
        this.onCancelled = Objects.requireNonNull(listener);
        return this;
    }

    // Commands

    /** Asks the work to stop at its next step; any thread, returns at once. */
    public void cancel() {
        cancelRequested.set(true);
    }

    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    // For executors

    /** Runs the work on the calling (worker) thread with {@code context}; the executor reports the outcome. */
    T run(Context context) throws Exception {
        return work.call(context);
    }

    /** On the FX thread, before the work starts. */
    void started() {
        progress.set(-1);
        message.set("");
        running.set(true);
    }

    /** On the FX thread. */
    void setProgress(double value) {
        progress.set(value);
    }

    /** On the FX thread. */
    void setMessage(String text) {
        message.set(text);
    }

    /** On the FX thread: the result, then the listener. */
    void succeeded(T result) {
        running.set(false);
        progress.set(1);
        onSuccess.accept(result);
    }

    /** On the FX thread. */
    void failed(Throwable error) {
        running.set(false);
        progress.set(0);
        if (cancelRequested.get() && onCancelled != null) {
            onCancelled.run();
        } else {
            onFailure.accept(error);
        }
    }

    /** The context an executor hands the work: updates go to the FX thread through {@code ui}. */
    Context context(java.util.concurrent.Executor ui) {
        // one pending update at a time: a 100,000-row import reports every row, the FX thread shows the latest
        java.util.concurrent.atomic.AtomicReference<Double> pending = new java.util.concurrent.atomic.AtomicReference<>();
        return new Context() {
            @Override
            public void progress(long done, long total) {
                double value = total <= 0 ? -1 : Math.min(1.0, (double) done / total);
                if (pending.getAndSet(value) == null) {
                    ui.execute(() -> setProgress(pending.getAndSet(null)));
                }
            }

            @Override
            public void message(String text) {
                ui.execute(() -> setMessage(text));
            }

            @Override
            public boolean cancelled() {
                return cancelRequested.get();
            }
        };
    }

    // Properties (read side)

    public String title() {
        return title;
    }

    /** 0..1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}

package org.comptoir.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs blocking work (database, serial, HTTP, files) away from the JavaFX thread and hands the result
 * back on it. ViewModels take one by constructor: production uses {@link FxTaskExecutor}, tests use
 * {@link CurrentThreadTaskExecutor} so asynchronous code runs deterministically.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the UI thread.
     * Never blocks the caller.
     */
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Runs a job that shows its progress and can be cancelled: its properties change on the UI thread while it runs,
     * then its success, failure or cancel listener runs there. Never blocks the caller; call on the UI thread.
     */
    default <T> void execute(BackgroundTask<T> task) {
        task.started();
        BackgroundTask.Context context = task.context(uiThread());
        execute(() -> task.run(context), task::succeeded, task::failed);
    }

    /** Where progress updates are handed to the UI: the FX thread (tests: the calling thread). */
    default Executor uiThread() {
        return FxTaskExecutor::onFxThread;
    }
}

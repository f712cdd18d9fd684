package org.comptoir.ui;

import java.util.concurrent.Callable;
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
}

package org.comptoir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared long-job mechanism: progress and message reach the UI side, cancel is seen by the work at its next step. */
class BackgroundTaskTest {

    final TaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void progressAndMessageAreShownThenTheResult() {
        List<Double> progress = new ArrayList<>();
        List<String> results = new ArrayList<>();
        BackgroundTask<String> task = new BackgroundTask<String>("Import", c -> {
            c.message("Lecture");
            for (int i = 1; i <= 4; i++) {
                c.progress(i, 4);
            }
            return "fini";
        }).onSuccess(results::add);
        task.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        executor.execute(task);
        assertThat(progress).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(task.messageProperty().get()).isEqualTo("Lecture");
        assertThat(task.runningProperty().get()).isFalse();
        assertThat(results).containsExactly("fini");
        assertThat(task.title()).isEqualTo("Import");
    }

    @Test
    void aCancelStopsTheWorkAtItsNextStepAndCallsTheCancelListenerNotTheFailureOne() {
        List<Integer> steps = new ArrayList<>();
        List<String> outcome = new ArrayList<>();
        BackgroundTask<Void>[] self = new BackgroundTask[1];
        self[0] = new BackgroundTask<Void>("Export", c -> {
            for (int i = 0; i < 10; i++) {
                if (c.cancelled()) {
                    throw new IllegalStateException("stopped");
                }
                steps.add(i);
                if (i == 2) {
                    self[0].cancel(); // the owner presses "Annuler" while it runs
                }
            }
            return null;
        }).onSuccess(r -> outcome.add("success")).onFailure(e -> outcome.add("failure"))
                .onCancelled(() -> outcome.add("cancelled"));
        executor.execute(self[0]);
        assertThat(steps).containsExactly(0, 1, 2);
        assertThat(outcome).containsExactly("cancelled");
        assertThat(self[0].isCancelRequested()).isTrue();
    }

    @Test
    void aFailureWithoutCancelGoesToTheFailureListener() {
        List<Throwable> errors = new ArrayList<>();
        executor.execute(new BackgroundTask<Void>("x", c -> {
            throw new java.io.IOException("disque plein");
        }).onFailure(errors::add).onCancelled(() -> errors.add(null)));
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("disque plein");
    }
}

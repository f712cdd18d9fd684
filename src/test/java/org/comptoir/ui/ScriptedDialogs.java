package org.comptoir.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs for tests: confirmations are answered from {@link #confirmAnswers} (accepted once it is empty) and
 * recorded, secrets (PINs) are answered from a queue (empty queue = Cancel), and error messages are recorded instead
 * of shown, so an unexpected error fails a test rather than blocking it.
 */
public final class ScriptedDialogs implements DialogService {

    public final Deque<String> answers = new ArrayDeque<>();
    public final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    public final List<String> confirmed = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    /** The information messages shown. */
    public final List<String> informations = new ArrayList<>();
    /** The button labels of each confirmation asked, "confirm / keep". */
    public final List<String> confirmations = new ArrayList<>();

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showInformation(String title, String message) {
        informations.add(message);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add("OK / Cancel");
        confirmed.add(message);
        Boolean answer = confirmAnswers.poll();
        return answer == null || answer;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, String keepLabel) {
        confirmations.add(confirmLabel + " / " + keepLabel);
        confirmed.add(message);
        Boolean answer = confirmAnswers.poll();
        return answer == null || answer;
    }

    /** The choices answered by {@link #choose}: indexes, taken in order; the safe choice once it is empty. */
    public final Deque<Integer> choiceAnswers = new ArrayDeque<>();
    /** The labels of each multiple choice asked, joined with " / ". */
    public final List<String> choices = new ArrayList<>();

    @Override
    public int choose(String title, String message, List<String> labels, int safeIndex) {
        choices.add(String.join(" / ", labels));
        confirmed.add(message);
        Integer answer = choiceAnswers.poll();
        return answer == null ? safeIndex : answer;
    }

    @Override
    public Optional<String> askSecret(String title, String prompt) {
        return Optional.ofNullable(answers.poll());
    }
}

package org.comptoir.consent;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link ConsentService#verify()}.
 *
 * @param rowsChecked        ledger rows whose hash and link were checked
 * @param firstProblem       the first problem found, if any
 * @param problems           every problem found, the chain's first, then state, contact and checkpoint ones (at most
 *                           {@link #MAX_PROBLEMS})
 * @param head               the ledger's head as verified (what a checkpoint taken now would hold)
 * @param checkpointsChecked how many checkpoints the ledger was compared with
 */
public record VerifyReport(long rowsChecked, Optional<LedgerProblem> firstProblem, List<LedgerProblem> problems,
                           LedgerHead head, int checkpointsChecked) {

    /** More differences than this are counted in the first ones' place: the owner restores a backup anyway. */
    public static final int MAX_PROBLEMS = 100;

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    /** A report with at most one problem and no head (for callers that only need intact or not). */
    public VerifyReport(long rowsChecked, Optional<LedgerProblem> firstProblem) {
        this(rowsChecked, firstProblem, firstProblem.map(List::of).orElse(List.of()), null, 0);
    }

    public boolean intact() {
        return problems.isEmpty() && firstProblem.isEmpty();
    }
}

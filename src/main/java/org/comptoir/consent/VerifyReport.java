package org.comptoir.consent;

import java.util.Optional;

/** The outcome of {@link ConsentService#verify()}: how many rows were checked, and the first problem if any. */
public record VerifyReport(long rowsChecked, Optional<LedgerProblem> firstProblem) {

    public boolean intact() {
        return firstProblem.isEmpty();
    }
}

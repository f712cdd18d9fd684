package org.comptoir.consent;

/** Where a person stands, derived from their latest ledger event (stored by name in {@code consent_state}). */
public enum ConsentStatus {
    /** Said yes (at the till, a kiosk, by keyword, or imported with proof). */
    OPTED_IN,
    /** Said yes, then confirmed by answering the double opt-in SMS. */
    CONFIRMED,
    /** Withdrew: STOP, or asked in the shop. */
    OPTED_OUT,
    /** Was asked and said no. */
    REFUSED,
    /** Asked to be forgotten: personal data deleted, the number stays suppressed. */
    ERASED;

    /** Whether a promotion SMS may go to this person; with double opt-in only confirmed people qualify. */
    public boolean allowsMarketing(boolean doubleOptIn) {
        return switch (this) {
            case CONFIRMED -> true;
            case OPTED_IN -> !doubleOptIn;
            case OPTED_OUT, REFUSED, ERASED -> false;
        };
    }
}

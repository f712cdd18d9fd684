package org.comptoir.consent;

/** The kind of one ledger event (stored by name in {@code consent_event.kind}). */
public enum ConsentKind {
    OPT_IN(ConsentStatus.OPTED_IN),
    CONFIRMED(ConsentStatus.CONFIRMED),
    OPT_OUT(ConsentStatus.OPTED_OUT),
    ERASED(ConsentStatus.ERASED),
    REFUSED(ConsentStatus.REFUSED);

    private final ConsentStatus result;

    ConsentKind(ConsentStatus result) {
        this.result = result;
    }

    /** The status a person has right after this event. */
    public ConsentStatus resultingStatus() {
        return result;
    }

    /** The kind whose event leaves a person with {@code status} (each status has exactly one). */
    public static ConsentKind leadingTo(ConsentStatus status) {
        for (ConsentKind k : values()) {
            if (k.result == status) {
                return k;
            }
        }
        throw new IllegalArgumentException("no kind leads to " + status);
    }
}

package org.comptoir.sms.pdu;

import java.time.Duration;

/**
 * Per-message SMS-SUBMIT choices.
 *
 * @param statusReport     sets TP-SRR so the network sends a STATUS-REPORT (TS 23.040 §9.2.3.5)
 * @param validity         relative TP-VP (§9.2.3.12.1), rounded up to the next value the octet can
 *                         carry, at most 63 weeks; {@code null} sends no validity period (network default)
 * @param rejectDuplicates sets TP-RD: the SMSC rejects a SUBMIT with the same TP-MR and TP-DA still held
 */
public record SubmitOptions(boolean statusReport, Duration validity, boolean rejectDuplicates) {

    /** Status report on, 24 h validity (a promotion is stale after a day), duplicates accepted. */
    public static final SubmitOptions DEFAULTS = new SubmitOptions(true, Duration.ofHours(24), false);

    public SubmitOptions {
        if (validity != null && (validity.isNegative() || validity.isZero())) {
            throw new PduException(PduException.Code.INVALID_ARGUMENT, "validity must be positive: " + validity);
        }
    }

    public static SubmitOptions defaults() {
        return DEFAULTS;
    }

    public SubmitOptions withStatusReport(boolean on) {
        return new SubmitOptions(on, validity, rejectDuplicates);
    }

    public SubmitOptions withValidity(Duration period) {
        return new SubmitOptions(statusReport, period, rejectDuplicates);
    }

    public SubmitOptions withRejectDuplicates(boolean on) {
        return new SubmitOptions(statusReport, validity, on);
    }
}

package org.comptoir.sms.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.comptoir.sms.pdu.SmsStatusReport.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusReportPduTest {

    private static final String DELIVERED =
            "07913396999999F906050B913316325476F8620151010300806201510103508000";

    /** REFERENCE.md §4.7 (+CDS), checked with node-pdu 2.1.1. */
    @Test
    void deliveredReportOfWorkedExample() {
        SmsStatusReport report = StatusReportPdu.decode(DELIVERED);

        assertThat(report).isEqualTo(new SmsStatusReport(5, "+33612345678",
                OffsetDateTime.parse("2026-10-15T10:30:00+02:00").toInstant(),
                OffsetDateTime.parse("2026-10-15T10:30:05+02:00").toInstant(), 0, Outcome.DELIVERED));
    }

    @Test
    void validityExpiredIsFailed() {
        SmsStatusReport report = StatusReportPdu.decode(DELIVERED.substring(0, DELIVERED.length() - 2) + "46");

        assertThat(report.status()).isEqualTo(0x46);
        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void optionalTrailingParametersDoNotSpoilAReport() {
        // TP-PI 00 (no PID/DCS/UDL follow), as some SMSCs send
        assertThat(StatusReportPdu.decode(DELIVERED + "00").status()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "0,   DELIVERED", "1, DELIVERED", "31, DELIVERED",
        "32,  PENDING", "37, PENDING", "63, PENDING",
        "64,  FAILED", "70, FAILED", "96, FAILED", "127, FAILED", "128, FAILED", "255, FAILED",
    })
    void statusRanges(int status, Outcome outcome) {
        assertThat(SmsStatusReport.outcomeOf(status)).isEqualTo(outcome);
    }

    @Test
    void aDeliverIsNotAReport() {
        assertThatThrownBy(() -> StatusReportPdu.decode(
                "07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07"))
                .isInstanceOf(PduException.class)
                .hasMessage("PDU is an SMS-DELIVER, not an SMS-STATUS-REPORT");
    }

    @Test
    void truncatedReportNamesTheMissingField() {
        assertThatThrownBy(() -> StatusReportPdu.decode(DELIVERED.substring(0, DELIVERED.length() - 2)))
                .isInstanceOf(PduException.class)
                .hasMessageContaining("TP-ST")
                .extracting(e -> ((PduException) e).code()).isEqualTo(PduException.Code.TRUNCATED);
    }
}

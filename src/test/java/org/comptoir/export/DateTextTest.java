package org.comptoir.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2025-03-02|2025-03-02",
        "2025-3-2|2025-03-02",
        "2025/03/02|2025-03-02",
        "2025-03-02T14:30:00|2025-03-02",
        "2025-03-02 14:30|2025-03-02",
        "2025-03-02T14:30:00.123Z|2025-03-02",
        "02/03/2025|2025-03-02",
        "2/3/2025|2025-03-02",
        "02.03.2025|2025-03-02",
        "02-03-2025|2025-03-02",
        "02/03/25|2025-03-02",
        "02/03/2025 14:30|2025-03-02",
        "02/03/2025 à 14h30|2025-03-02",
        "2 mars 2025|2025-03-02",
        "1er mars 2025|2025-03-01",
        "dimanche 2 mars 2025|2025-03-02",
        "12 février 2025|2025-02-12",
        "12 fevrier 2025|2025-02-12",
        "12 févr. 2025|2025-02-12",
        "15 AOÛT 2024|2024-08-15",
        "3 déc 2024|2024-12-03",
        "  29/02/2024  |2024-02-29",
    })
    void readsFrenchAndIsoDates(String text, LocalDate expected) {
        assertThat(DateText.parse(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "hier", "31/02/2025", "29/02/2025", "2025-13-01", "13/13/2025", "2 marz 2025",
        "45678", "02/03", "2025", "le 2 mars", "2025-03-02 garbage"})
    void refusesWhatIsNotADay(String text) {
        assertThat(DateText.parse(text)).isEmpty();
    }
}

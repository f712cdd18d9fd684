package org.comptoir.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Log lines keep their meaning but never a whole phone number. */
class PhoneMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "STOP from +33612345678|STOP from +336******78",
            "to 06 12 34 56 78 now|to 0612****78 now",
            "06.12.34.56.78|0612****78",
            "+262692123456 and +33700000001|+262*******56 and +337******01",
            "part 17 of 2 at 2026-11-27T09:00:00Z|part 17 of 2 at 2026-11-27T09:00:00Z",
            "ledger seq 42, 3 rows|ledger seq 42, 3 rows",
            "port /dev/ttyUSB0 speed 115200|port /dev/ttyUSB0 speed 115200",
            "no number here|no number here"})
    void masksNumbersAndNothingElse(String line, String masked) {
        assertThat(PhoneMask.maskAll(line)).isEqualTo(masked);
    }
}

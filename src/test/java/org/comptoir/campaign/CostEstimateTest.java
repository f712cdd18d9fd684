package org.comptoir.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CostEstimateTest {

    @Test
    void everyRecipientPaysEveryPart() {
        CostEstimate estimate = CostEstimate.of(1234, 2, 0.045);
        assertThat(estimate.messages()).isEqualTo(2468);
        assertThat(estimate.total()).isEqualByComparingTo(new BigDecimal("111.06"));
    }

    @Test
    void writtenInEurosTheLocaleWay() {
        CostEstimate estimate = CostEstimate.of(1000, 1, 0.045);
        // French puts the sign after, with a (narrow) no-break space; English puts it before.
        assertThat(estimate.formatted(Locale.FRENCH).replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("45,00 €");
        assertThat(estimate.formatted(Locale.ENGLISH)).isEqualTo("€45.00");
    }

    @Test
    void emptyAudienceCostsNothing() {
        assertThat(CostEstimate.of(0, 3, 0.045).total()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void negativeIsRefused() {
        assertThatThrownBy(() -> CostEstimate.of(-1, 1, 0.045)).isInstanceOf(IllegalArgumentException.class);
    }
}

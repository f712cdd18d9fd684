package org.comptoir.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * What a campaign will cost: every recipient receives every part, and operators bill each part.
 *
 * @param recipients  contacts in the audience
 * @param parts       SMS parts per message (worst case)
 * @param pricePerSms price of one part, in euros
 */
public record CostEstimate(long recipients, int parts, BigDecimal pricePerSms) {

    private static final Currency EURO = Currency.getInstance("EUR");

    public CostEstimate {
        if (recipients < 0 || parts < 0 || pricePerSms == null || pricePerSms.signum() < 0) {
            throw new IllegalArgumentException("negative estimate");
        }
    }

    public static CostEstimate of(long recipients, int parts, double pricePerSms) {
        return new CostEstimate(recipients, parts, BigDecimal.valueOf(pricePerSms));
    }

    public long messages() {
        return recipients * parts;
    }

    /** Total in euros, rounded to the cent. */
    public BigDecimal total() {
        return pricePerSms.multiply(BigDecimal.valueOf(messages())).setScale(2, RoundingMode.HALF_UP);
    }

    /** The total as the locale writes euros: "12,35 €" in French, "€12.35" in English. */
    public String formatted(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(EURO);
        return format.format(total());
    }
}

package org.comptoir.dispatch;

import java.util.Optional;
import org.comptoir.phone.PhoneNumber;
import org.comptoir.phone.PhoneNumbers;
import org.comptoir.phone.PhoneParse;

/**
 * A received message's sender as E.164, so it matches the customer it comes from: networks and modems hand over
 * {@code +33612345678}, {@code 33612345678}, a national {@code 0612345678} (and a modem may have put a {@code +}
 * before it: {@code +0612345678}). National forms are read in the shop's country with the {@code phone} package's
 * rules (the overseas departments' mobiles included). An alphanumeric sender ("Orange") is kept as it is. Pure.
 */
public final class SenderNumbers {

    private final PhoneNumbers numbers;

    /** @param shopCountry ISO code of the shop's country ({@code shop.country}) */
    public SenderNumbers(String shopCountry) {
        this.numbers = new PhoneNumbers(shopCountry);
    }

    public String normalise(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty() || s.chars().anyMatch(Character::isLetter)) {
            return s;
        }
        String digits = s.replaceAll("[^0-9]", "");
        boolean plus = s.startsWith("+");
        if (digits.startsWith("00")) {
            return e164("+" + digits.substring(2)).orElse(s);
        }
        if (digits.startsWith("0")) {
            // national: "+0612345678" is a national number a modem prefixed with '+' by mistake
            return mobile(digits).orElse(s);
        }
        if (plus) {
            return e164("+" + digits).orElse(s);
        }
        // no '+': an international number without its sign (type 129 "unknown" from some networks), else national
        return e164("+" + digits).filter(n -> mobile("+" + digits).isPresent()).or(() -> mobile(digits)).orElse(s);
    }

    private Optional<String> mobile(String typed) {
        PhoneParse p = numbers.parseMobile(typed);
        return p instanceof PhoneParse.Valid v ? Optional.of(v.number().e164()) : Optional.empty();
    }

    private static Optional<String> e164(String candidate) {
        return PhoneNumber.ofE164(candidate).map(PhoneNumber::e164);
    }
}

package org.comptoir.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +33612345678}): the one spelling stored, hashed and sent to. Build one
 * from what a person typed with {@link PhoneNumbers#parseMobile}; this constructor only checks the shape.
 *
 * @param e164 {@code +}, a country code and the national number, digits only, 8 to 15 digits in all
 */
public record PhoneNumber(String e164) implements Comparable<PhoneNumber> {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /** The number when {@code e164} is already in E.164 form (as stored), else empty. */
    public static Optional<PhoneNumber> ofE164(String e164) {
        return e164 != null && E164.matcher(e164).matches() ? Optional.of(new PhoneNumber(e164)) : Optional.empty();
    }

    /**
     * The country calling code, e.g. 33 or 262; 0 when none is assigned. Country codes are prefix-free
     * (ITU-T E.164), so the first of 1 to 3 leading digits that is assigned is the one; this is a map
     * look-up, much cheaper than a full parse (it runs for every contact of a bulk import).
     */
    public int countryCode() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (int length = 1; length <= 3; length++) {
            int cc = Integer.parseInt(e164.substring(1, 1 + length));
            // "ZZ" means unassigned; non-geographic codes (800, 882...) answer "001"
            if (!"ZZ".equals(util.getRegionCodeForCountryCode(cc))) {
                return cc;
            }
        }
        return 0;
    }

    /** The number after the country code, e.g. {@code 612345678}. */
    public String nationalNumber() {
        int cc = countryCode();
        return e164.substring(1 + (cc == 0 ? 0 : Integer.toString(cc).length()));
    }

    /** The ISO region the number belongs to (FR, RE, YT, GP...), or {@code ZZ} when unknown. */
    public String regionCode() {
        return PhoneNumberUtil.getInstance().getRegionCodeForNumber(proto());
    }

    /** The digits without the {@code +}, for prefix searches over stored numbers. */
    public String digits() {
        return e164.substring(1);
    }

    Phonenumber.PhoneNumber proto() {
        try {
            return PhoneNumberUtil.getInstance().parse(e164, "ZZ");
        } catch (NumberParseException e) {
            // the constructor's shape check lets through country codes that do not exist (e.g. +999...)
            return new Phonenumber.PhoneNumber().setCountryCode(0).setNationalNumber(Long.parseLong(e164.substring(1)));
        }
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    @Override
    public String toString() {
        return e164;
    }
}

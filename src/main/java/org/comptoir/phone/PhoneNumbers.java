package org.comptoir.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.comptoir.i18n.UserMessage;

/**
 * Reads phone numbers the way people type them at a till, for one default country (the shop's).
 *
 * <p>Accepted for a French shop: {@code 06 12 34 56 78}, {@code 6.12.34.56.78} (trunk 0 forgotten),
 * {@code +33 6 12 34 56 78}, {@code 0033612345678}, and the overseas departments' mobiles typed nationally
 * ({@code 0692…} Réunion, {@code 0639…} Mayotte, {@code 0690…} Guadeloupe, {@code 0694…} Guyane,
 * {@code 0696…} Martinique): they share France's numbering plan but each has its own country code, which
 * libphonenumber only finds when asked with that territory as the region, so the territories are tried in turn.
 *
 * <p>Pure and thread-safe.
 */
public final class PhoneNumbers {

    /**
     * France and the overseas departments that share its national numbering plan (0 + 9 digits). GP also
     * covers Saint-Barthélemy and Saint-Martin (+590). Saint-Pierre-et-Miquelon (6 digits) is not in it.
     */
    private static final List<String> FRENCH_PLAN = List.of("FR", "RE", "YT", "GP", "MQ", "GF");

    /** What a typed number may contain besides digits: separators and the leading +. */
    private static final Pattern TYPED = Pattern.compile("[0-9+ .\\-/()\\u00a0\\u202f\\t]*");

    private static final Set<PhoneNumberType> MOBILE = Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 code of the shop's country, used for numbers typed without + or 00 */
    public PhoneNumbers(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * The shop's time zone, judged like a customer's: the zone of the country's example mobile number
     * (Europe/Paris for FR, Indian/Reunion for RE); Europe/Paris when the country has none.
     */
    public ZoneId homeZone() {
        Phonenumber.PhoneNumber example = util.getExampleNumberForType(defaultRegion, PhoneNumberType.MOBILE);
        return example == null ? RecipientZone.PARIS
                : RecipientZone.zoneOf(new PhoneNumber(util.format(example, PhoneNumberUtil.PhoneNumberFormat.E164)));
    }

    /** A mobile number from what was typed, or the reason it is not one (empty, landline, too short...). */
    public PhoneParse parseMobile(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return invalid("phone.error.empty");
        }
        if (!TYPED.matcher(t).matches() || t.indexOf('+') > 0 || t.chars().noneMatch(Character::isDigit)) {
            return invalid("phone.error.not.number", t);
        }
        String digits = t.replaceAll("[^0-9+]", "");
        boolean international = digits.startsWith("+") || digits.startsWith("00");
        // the other territories are tried only with a full 9-digit national number, so a short typo is never
        // taken for a shorter number of another plan
        String national = digits.startsWith("0") ? digits.substring(1) : digits;
        List<String> regions = international || national.length() != 9 ? List.of(defaultRegion) : candidateRegions();

        Phonenumber.PhoneNumber first = null;
        Phonenumber.PhoneNumber fallback = null; // a valid number of the wrong type, to name that type
        for (String region : regions) {
            Phonenumber.PhoneNumber n;
            try {
                n = util.parse(digits, region);
            } catch (NumberParseException e) {
                if (first == null) {
                    return fromParseError(e, t);
                }
                continue;
            }
            if (first == null) {
                first = n;
            }
            if (util.isValidNumber(n)) {
                if (MOBILE.contains(util.getNumberType(n))) {
                    return new PhoneParse.Valid(new PhoneNumber(util.format(n, PhoneNumberFormat.E164)));
                }
                if (fallback == null) {
                    fallback = n;
                }
            }
        }
        if (fallback != null) {
            return notMobile(fallback, t);
        }
        return switch (util.isPossibleNumberWithReason(first)) {
            case TOO_SHORT -> invalid("phone.error.too.short", t);
            case TOO_LONG -> invalid("phone.error.too.long", t);
            case INVALID_COUNTRY_CODE -> invalid("phone.error.country.code", t);
            // INVALID_LENGTH, or a length some rare number type has (FR: 8 digits): compare with a mobile
            default -> lengthAgainstAMobile(first, t);
        };
    }

    /** Between the lengths of the plan, a length no number has: say which way a mobile's length differs. */
    private PhoneParse lengthAgainstAMobile(Phonenumber.PhoneNumber n, String typed) {
        Phonenumber.PhoneNumber example = util.getExampleNumberForType(
                util.getRegionCodeForCountryCode(n.getCountryCode()), PhoneNumberType.MOBILE);
        if (example == null) {
            return invalid("phone.error.invalid", typed);
        }
        // without the "Italian" leading zero libphonenumber keeps when a trunk 0 leaves a number too short
        int have = Long.toString(n.getNationalNumber()).length();
        int want = util.getNationalSignificantNumber(example).length();
        return have < want ? invalid("phone.error.too.short", typed)
                : have > want ? invalid("phone.error.too.long", typed)
                : invalid("phone.error.invalid", typed);
    }

    /** {@code 06 12 34 56 78} for a number of the default country, else the international form. */
    public String formatNational(PhoneNumber number) {
        Phonenumber.PhoneNumber n = number.proto();
        String region = util.getRegionCodeForNumber(n);
        boolean sharesPlan = FRENCH_PLAN.contains(defaultRegion) && FRENCH_PLAN.contains(region);
        return region != null && (region.equals(defaultRegion) || sharesPlan)
                ? util.format(n, PhoneNumberFormat.NATIONAL)
                : formatInternational(number);
    }

    /** {@code +33 6 12 34 56 78}. */
    public String formatInternational(PhoneNumber number) {
        return util.format(number.proto(), PhoneNumberFormat.INTERNATIONAL);
    }

    /**
     * The digits to look for in stored E.164 numbers while a number is being typed: {@code "06 12 3"} gives
     * {@code "336123"} for a French shop; {@code "+44 79"} gives
     * {@code "4479"}; fewer than 2 typed digits give an empty string (too vague to search). The result is a
     * prefix of {@link PhoneNumber#digits()} for the number being typed, except for overseas numbers typed
     * nationally, which are found by {@link #parseMobile} once complete.
     */
    public String partialDigits(String typed) {
        String t = typed == null ? "" : typed.strip();
        String digits = t.replaceAll("[^0-9]", "");
        if (digits.length() < 2) {
            return "";
        }
        if (t.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        int cc = util.getCountryCodeForRegion(defaultRegion);
        String national = digits.startsWith("0") ? digits.substring(1) : digits;
        return cc == 0 ? digits : cc + national;
    }

    private List<String> candidateRegions() {
        if (!FRENCH_PLAN.contains(defaultRegion)) {
            return List.of(defaultRegion);
        }
        List<String> regions = new ArrayList<>();
        regions.add(defaultRegion);
        FRENCH_PLAN.stream().filter(r -> !r.equals(defaultRegion)).forEach(regions::add);
        return regions;
    }

    private PhoneParse notMobile(Phonenumber.PhoneNumber n, String typed) {
        PhoneNumberType type = util.getNumberType(n);
        String key = switch (type) {
            case FIXED_LINE -> "phone.error.landline";
            case TOLL_FREE, PREMIUM_RATE, SHARED_COST -> "phone.error.service";
            default -> "phone.error.not.mobile";
        };
        return invalid(key, typed);
    }

    private PhoneParse fromParseError(NumberParseException e, String typed) {
        return switch (e.getErrorType()) {
            case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> invalid("phone.error.too.short", typed);
            case TOO_LONG -> invalid("phone.error.too.long", typed);
            case INVALID_COUNTRY_CODE -> invalid("phone.error.country.code", typed);
            default -> invalid("phone.error.not.number", typed);
        };
    }

    private static PhoneParse invalid(String key, Object... args) {
        return new PhoneParse.Invalid(UserMessage.of(key, args));
    }
}

package org.comptoir.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.comptoir.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers fr = new PhoneNumbers("FR");

    private static String e164(PhoneParse p) {
        assertThat(p).as(String.valueOf(p)).isInstanceOf(PhoneParse.Valid.class);
        return ((PhoneParse.Valid) p).number().e164();
    }

    private static String reason(PhoneParse p) {
        assertThat(p).as(String.valueOf(p)).isInstanceOf(PhoneParse.Invalid.class);
        return ((PhoneParse.Invalid) p).reason().key();
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "+33612345678", "0033612345678",
        "00 33 6 12 34 56 78", "6.12.34.56.78", "612345678", "06-12-34-56-78", "06/12/34/56/78", " 06 12 34 56 78 ",
        "+33 (0)6 12 34 56 78", "06\u00a012\u00a034\u00a056\u00a078"})
    void frenchMobileTypedEveryWay(String typed) {
        assertThat(e164(fr.parseMobile(typed))).isEqualTo("+33612345678");
    }

    @ParameterizedTest
    @CsvSource({"07 81 23 45 67, +33781234567", "0756123456, +33756123456"})
    void sevensAreMobilesToo(String typed, String expected) {
        assertThat(e164(fr.parseMobile(typed))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01 42 68 53 00", "02 99 12 34 56", "03 88 12 34 56", "04 91 12 34 56", "05 61 12 34 56",
        "+33 1 42 68 53 00"})
    void landlinesAreRefusedAsLandlines(String typed) {
        assertThat(reason(fr.parseMobile(typed))).isEqualTo("phone.error.landline");
    }

    @Test
    void boxNumbersAreNotMobiles() {
        assertThat(reason(fr.parseMobile("09 51 12 34 56"))).isEqualTo("phone.error.not.mobile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"08 00 12 34 56", "0899 12 34 56", "08 10 12 34 56"})
    void serviceNumbersAreRefused(String typed) {
        assertThat(reason(fr.parseMobile(typed))).isEqualTo("phone.error.service");
    }

    @ParameterizedTest
    @CsvSource({
        // overseas departments typed nationally, as a French till sees them
        "0692 12 34 56, +262692123456, Indian/Reunion",
        "0693 12 34 56, +262693123456, Indian/Reunion",
        "0639 00 12 34, +262639001234, Indian/Mayotte",
        "0690 12 34 56, +590690123456, America/Guadeloupe",
        "0694 12 34 56, +594694123456, America/Cayenne",
        "0696 12 34 56, +596696123456, America/Martinique",
        "+262 692 12 34 56, +262692123456, Indian/Reunion",
        "00596696123456, +596696123456, America/Martinique",
        "692 12 34 56, +262692123456, Indian/Reunion",
        "06 12 34 56 78, +33612345678, Europe/Paris",
        // foreign mobiles, in international form
        "+32 470 12 34 56, +32470123456, Europe/Brussels",
        "0032 470 12 34 56, +32470123456, Europe/Brussels",
        "+49 151 23456789, +4915123456789, Europe/Berlin",
        "+44 7400 123456, +447400123456, Europe/London",
        "+41 79 123 45 67, +41791234567, Europe/Zurich"})
    void mobilesFindTheirTerritoryAndZone(String typed, String expected, String zone) {
        String e164 = e164(fr.parseMobile(typed));
        assertThat(e164).isEqualTo(expected);
        assertThat(RecipientZone.zoneOf(new PhoneNumber(e164))).isEqualTo(ZoneId.of(zone));
    }

    @Test
    void aReunionShopReadsMetropolitanMobilesToo() {
        PhoneNumbers re = new PhoneNumbers("RE");
        assertThat(e164(re.parseMobile("0692 12 34 56"))).isEqualTo("+262692123456");
        assertThat(e164(re.parseMobile("06 12 34 56 78"))).isEqualTo("+33612345678");
    }

    @Test
    void aBelgianShopReadsBelgianMobilesNationally() {
        assertThat(e164(new PhoneNumbers("BE").parseMobile("0470 12 34 56"))).isEqualTo("+32470123456");
    }

    @Test
    void foreignLandlineIsALandline() {
        assertThat(reason(fr.parseMobile("+32 12 34 56 78"))).isEqualTo("phone.error.landline");
    }

    @ParameterizedTest
    @CsvSource(value = {
        "'', phone.error.empty",
        "'   ', phone.error.empty",
        "abc, phone.error.not.number",
        "06 12 AB 56 78, phone.error.not.number",
        "jean@example.fr, phone.error.not.number",
        "06+12, phone.error.not.number",
        "--, phone.error.not.number",
        "06 12, phone.error.too.short",
        "06 12 34 56 78 90 12, phone.error.too.long",
        "06 00 00 00 00 0, phone.error.too.long",
        "+999 123456789, phone.error.country.code",
        "0612345, phone.error.too.short",
        "061234567, phone.error.too.short"})
    void garbageGetsAReason(String typed, String key) {
        assertThat(reason(fr.parseMobile(typed))).isEqualTo(key);
    }

    @Test
    void nullIsEmpty() {
        assertThat(reason(fr.parseMobile(null))).isEqualTo("phone.error.empty");
    }

    @Test
    void everyReasonHasAFrenchAndEnglishSentence() {
        for (String typed : new String[] {"", "abc", "06 12", "06 12 34 56 78 90 12", "01 42 68 53 00",
            "09 51 12 34 56", "0800 12 34 56", "+999 123456789"}) {
            var msg = ((PhoneParse.Invalid) fr.parseMobile(typed)).reason();
            assertThat(Messages.forLanguage("fr").has(msg.key())).as(msg.key()).isTrue();
            assertThat(Messages.forLanguage("en").render(msg)).doesNotContain("!");
        }
    }

    @Test
    void formatsForDisplay() {
        PhoneNumber mobile = new PhoneNumber("+33612345678");
        assertThat(fr.formatNational(mobile)).isEqualTo("06 12 34 56 78");
        assertThat(fr.formatInternational(mobile)).isEqualTo("+33 6 12 34 56 78");
        assertThat(fr.formatNational(new PhoneNumber("+262692123456"))).isEqualTo("0692 12 34 56");
        assertThat(fr.formatNational(new PhoneNumber("+32470123456"))).isEqualTo("+32 470 12 34 56");
    }

    @ParameterizedTest
    @CsvSource(value = {"06 12 3, 336123", "6123, 336123", "+44 79, 4479", "0032 47, 3247", "0, ''", "'', ''"})
    void partialDigitsArePrefixesOfStoredDigits(String typed, String expected) {
        assertThat(fr.partialDigits(typed)).isEqualTo(expected);
    }

    @Test
    void phoneNumberChecksItsShape() {
        assertThatThrownBy(() -> new PhoneNumber("0612345678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+33 6 12")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PhoneNumber.ofE164("+33612345678")).contains(new PhoneNumber("+33612345678"));
        assertThat(PhoneNumber.ofE164("garbage")).isEmpty();
        PhoneNumber reunion = new PhoneNumber("+262692123456");
        assertThat(reunion.countryCode()).isEqualTo(262);
        assertThat(reunion.nationalNumber()).isEqualTo("692123456");
        assertThat(reunion.regionCode()).isEqualTo("RE");
        assertThat(new PhoneNumber("+262639001234").regionCode()).isEqualTo("YT");
        assertThat(reunion.digits()).isEqualTo("262692123456");
    }
}

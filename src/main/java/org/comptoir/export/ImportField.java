package org.comptoir.export;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a column of an imported file holds, and the header names recognised for it without a mapping (French and
 * English, compared without case, accents or punctuation). {@code --map COLUMN=FIELD} names the field by
 * {@link #cliName()}, or {@code ignore}.
 */
public enum ImportField {
    PHONE("phone", Set.of("telephone", "tel", "portable", "mobile", "phone", "numero", "numero de telephone",
            "telephone portable", "tel portable", "phone number", "mobile phone", "mobile number", "gsm", "cell")),
    FIRST_NAME("first-name", Set.of("prenom", "first name", "firstname", "given name")),
    LAST_NAME("last-name", Set.of("nom", "last name", "lastname", "surname", "nom de famille", "family name")),
    /** An explicit yes/no column; when present, only "oui"/"yes" can opt someone in. */
    CONSENT("consent", Set.of("consentement", "consent", "opt in", "optin", "consentement sms", "sms consent",
            "accord sms", "accepte sms")),
    CONSENT_DATE("consent-date", Set.of("date consentement", "date de consentement", "date du consentement",
            "consent date", "date of consent", "date opt in", "opt in date", "date optin")),
    CONSENT_SOURCE("consent-source", Set.of("source", "consent source", "source du consentement",
            "source consentement", "source de consentement", "origine du consentement", "origine")),
    TAGS("tags", Set.of("tags", "tag", "etiquettes", "etiquette", "groupes"));

    private final String cliName;
    private final Set<String> headers;

    ImportField(String cliName, Set<String> headers) {
        this.cliName = cliName;
        this.headers = headers;
    }

    public String cliName() {
        return cliName;
    }

    /** The field a header names, if it is one of the recognised names. */
    static Optional<ImportField> forHeader(String header) {
        String h = normalise(header);
        for (ImportField f : values()) {
            if (f.headers.contains(h)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A field by its command-line name (or its enum name); empty for "ignore" or anything unknown. */
    static Optional<ImportField> forCliName(String name) {
        String n = normalise(name).replace(' ', '-');
        for (ImportField f : values()) {
            if (f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(n)) {
                return Optional.of(f);
            }
        }
        return forHeader(name); // "téléphone=prénom" works too
    }

    /** Lower case, no accents, punctuation as spaces, spaces collapsed: "Date_Consentement" = "date consentement". */
    static String normalise(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}

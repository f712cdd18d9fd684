package org.comptoir.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every visible string, in French or English. Each feature owns one bundle under
 * {@code org/comptoir/i18n/<feature>_fr.properties} (and {@code _en}); a key is looked up in each in turn.
 * Thread-safe and immutable.
 */
public final class Messages {

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    /** Bundle base names, one per feature. A feature adds its own line here. */
    private static final List<String> BUNDLES = List.of(
            "org.comptoir.i18n.core",
            "org.comptoir.i18n.consent",
            "org.comptoir.i18n.till",
            "org.comptoir.i18n.sms",
            "org.comptoir.i18n.campaign",
            "org.comptoir.i18n.modem",
            "org.comptoir.i18n.schedule",
            "org.comptoir.i18n.dispatch",
            "org.comptoir.i18n.inbox",
            "org.comptoir.i18n.http",
            "org.comptoir.i18n.export",
            "org.comptoir.i18n.backup",
            "org.comptoir.i18n.store");

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    private Messages(Locale locale) {
        this.locale = locale;
        List<ResourceBundle> found = new ArrayList<>();
        for (String base : BUNDLES) {
            try {
                found.add(ResourceBundle.getBundle(base, locale, ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException absent) {
                // a feature that has no strings yet has no bundle
            }
        }
        this.bundles = List.copyOf(found);
    }

    /** French unless the language is English: French is the product's first language. */
    public static Messages forLanguage(String language) {
        return new Messages(language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : FRENCH);
    }

    /** Follows the JVM's default locale (for the command line, before any setting is read). */
    public static Messages forDefaultLocale() {
        return forLanguage(Locale.getDefault().getLanguage());
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /**
     * The text for {@code key}, with {@link MessageFormat} arguments; {@code !key!} when it is missing.
     * A doubled apostrophe ({@code ''}) renders as one whether or not arguments are given, so bundle authors
     * can write every pattern the MessageFormat way.
     */
    /**
     * The pattern of {@code key} as a reusable {@link MessageFormat} in this locale, for text formatted many times a
     * second (the campaign editor's counter at each keystroke); {@code !key!} when it is missing. Not thread-safe.
     */
    public MessageFormat format(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return new MessageFormat(bundle.getString(key), locale);
            }
        }
        LOG.warn("Missing message key {} for {}", key, locale);
        return new MessageFormat("!" + key.replace("'", "''") + "!", locale);
    }

    public String get(String key, Object... args) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
            }
        }
        LOG.warn("Missing message key {} for {}", key, locale);
        return "!" + key + "!";
    }

    public String render(UserMessage message) {
        return get(message.key(), message.args().toArray());
    }
}

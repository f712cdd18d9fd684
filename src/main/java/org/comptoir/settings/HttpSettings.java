package org.comptoir.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.comptoir.i18n.UserMessage;

/**
 * Settings of the HTTP provider route ({@code gateway http}): the provider, its address, its pace and, per
 * provider, its fields — credentials as secret settings, sealed at rest like the SIM PIN and never printed back.
 * A provider's field {@code F} is the setting {@code http.<provider>.F}; the gateway gets them as plain values
 * from whoever builds it ({@code dispatch.HttpGatewayFactory}).
 */
public final class HttpSettings {

    public static final String PROVIDER = "http.provider";
    public static final String BASE_URL = "http.baseUrl";
    public static final String RATE = "http.rate";
    public static final String CONCURRENCY = "http.concurrency";

    /** The providers, in the order the settings screen lists them (the French one first). */
    public static final List<String> PROVIDERS = List.of("ovh", "twilio", "android", "generic");

    private static final List<SettingDefinition> FIELDS = List.of(
            SettingDefinition.plain(key("twilio", "accountSid"), "", Validators.any()),
            secret(key("twilio", "authToken")),
            SettingDefinition.plain(key("twilio", "from"), "", Validators.any()),
            SettingDefinition.plain(key("ovh", "applicationKey"), "", Validators.any()),
            secret(key("ovh", "applicationSecret")),
            secret(key("ovh", "consumerKey")),
            SettingDefinition.plain(key("ovh", "serviceName"), "", Validators.any()),
            // receivers per job; the gateway sets 1 itself when OVHcloud's records contradict a job's pairing
            SettingDefinition.plain(key("ovh", "batch"), "50", Validators.integerBetween(1, 50)),
            SettingDefinition.plain(key("android", "username"), "", Validators.any()),
            secret(key("android", "password")),
            SettingDefinition.plain(key("generic", "url"), "", HttpSettings::validTemplateUrl),
            SettingDefinition.plain(key("generic", "method"), "POST", HttpSettings::validMethod),
            SettingDefinition.plain(key("generic", "headers"), "", Validators.any()),
            SettingDefinition.plain(key("generic", "body"), "", Validators.any()),
            secret(key("generic", "secret")),
            SettingDefinition.plain(key("generic", "idPointer"), "", HttpSettings::validPointer),
            SettingDefinition.plain(key("generic", "successPointer"), "", HttpSettings::validPointer),
            SettingDefinition.plain(key("generic", "successValue"), "", Validators.any()),
            SettingDefinition.plain(key("generic", "statusUrl"), "", HttpSettings::validTemplateUrl),
            SettingDefinition.plain(key("generic", "statusPointer"), "", HttpSettings::validPointer),
            SettingDefinition.plain(key("generic", "deliveredValues"), "", Validators.any()),
            SettingDefinition.plain(key("generic", "failedValues"), "", Validators.any()));

    public static final List<SettingDefinition> DEFINITIONS = all();

    private HttpSettings() {
    }

    private static List<SettingDefinition> all() {
        List<SettingDefinition> d = new ArrayList<>();
        d.add(SettingDefinition.plain(PROVIDER, "ovh", Validators.oneOf(PROVIDERS.toArray(String[]::new))));
        d.add(SettingDefinition.plain(BASE_URL, "", HttpSettings::validUrl));
        d.add(SettingDefinition.plain(RATE, "0", v -> Validators.decimalBetween(0, 100).apply(v)
                .map(p -> UserMessage.of("setting.error.http.rate"))));
        d.add(SettingDefinition.plain(CONCURRENCY, "4", Validators.integerBetween(1, 32)));
        d.addAll(FIELDS);
        return List.copyOf(d);
    }

    private static SettingDefinition secret(String key) {
        return new SettingDefinition(key, "", Validators.any(), true);
    }

    /** {@code http.<provider>.<field>}. */
    public static String key(String provider, String field) {
        return "http." + provider + "." + field;
    }

    /** The definitions of one provider's own fields, in order. */
    public static List<SettingDefinition> fieldsOf(String provider) {
        String prefix = "http." + provider + ".";
        return FIELDS.stream().filter(d -> d.key().startsWith(prefix)).toList();
    }

    /** The field name a provider's key stands for ({@code http.ovh.serviceName} → {@code serviceName}). */
    public static String fieldName(String key) {
        return key.substring(key.indexOf('.', "http.".length()) + 1);
    }

    static Optional<UserMessage> validUrl(String v) {
        return v.isEmpty() || v.matches("https?://[^\\s/]+(/\\S*)?") ? Optional.empty()
                : Optional.of(UserMessage.of("setting.error.http.url"));
    }

    /** A URL that may hold {to}, {text}, {sender}, {id} placeholders. */
    static Optional<UserMessage> validTemplateUrl(String v) {
        return validUrl(v.replaceAll("\\{(to|text|sender|id)}", "x"));
    }

    static Optional<UserMessage> validMethod(String v) {
        return List.of("POST", "GET", "PUT").contains(v.toUpperCase(java.util.Locale.ROOT)) ? Optional.empty()
                : Optional.of(UserMessage.of("setting.error.http.method"));
    }

    static Optional<UserMessage> validPointer(String v) {
        return v.isEmpty() || v.startsWith("/") ? Optional.empty() : Optional.of(UserMessage.of("setting.error.http.pointer"));
    }
}

package org.comptoir.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.comptoir.gateway.http.HttpConfig;
import org.comptoir.gateway.http.HttpGateway;
import org.comptoir.settings.HttpSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;

/**
 * Builds the HTTP provider gateway from the settings, so {@code gateway.http} never reads them itself. Reading the
 * settings blocks (database): call from a background thread.
 */
public final class HttpGatewayFactory {

    private HttpGatewayFactory() {
    }

    /** The saved configuration. */
    public static HttpConfig config(Settings settings) {
        return config(settings, Map.of());
    }

    /**
     * The saved configuration with {@code typed} values (setting key → value, e.g. from the settings screen before
     * saving) in place of the saved ones; a typed secret left empty keeps the saved one.
     */
    public static HttpConfig config(Settings settings, Map<String, String> typed) {
        String provider = value(settings, typed, HttpSettings.PROVIDER);
        Map<String, String> fields = new LinkedHashMap<>();
        for (SettingDefinition d : HttpSettings.fieldsOf(provider)) {
            fields.put(HttpSettings.fieldName(d.key()), value(settings, typed, d.key()));
        }
        return HttpConfig.of(provider, value(settings, typed, HttpSettings.BASE_URL), fields,
                Double.parseDouble(value(settings, typed, HttpSettings.RATE).replace(',', '.')),
                Integer.parseInt(value(settings, typed, HttpSettings.CONCURRENCY)));
    }

    private static String value(Settings settings, Map<String, String> typed, String key) {
        String t = typed.get(key);
        if (t != null && !(t.isBlank() && settings.definition(key).secret())) {
            return t.strip();
        }
        return settings.get(key).strip();
    }

    /** A gateway on the saved settings; the caller closes it. */
    public static HttpGateway create(Settings settings) {
        return HttpGateway.create(config(settings));
    }
}

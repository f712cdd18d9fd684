package org.comptoir.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.comptoir.gateway.http.HttpConfig;
import org.comptoir.gateway.http.HttpGateway;
import org.comptoir.settings.HttpSettings;
import org.comptoir.settings.SettingDefinition;
import org.comptoir.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTTP provider gateway from the settings, so {@code gateway.http} never reads them itself. Reading the
 * settings blocks (database): call from a background thread.
 */
public final class HttpGatewayFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGatewayFactory.class);

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

    /**
     * A gateway on the saved settings; the caller closes it. When it stops batching because the provider's records
     * contradict a job's pairing ({@link HttpGateway#onBatchingStopped}), that is saved ({@code http.ovh.batch} = 1,
     * audited as the engine's change): a restart or a rebuilt gateway keeps sending one receiver per job.
     */
    public static HttpGateway create(Settings settings) {
        HttpGateway gateway = HttpGateway.create(config(settings));
        keepBatchingOff(gateway, settings);
        return gateway;
    }

    static void keepBatchingOff(HttpGateway gateway, Settings settings) {
        String provider = gateway.config().provider();
        String key = HttpSettings.key(provider, HttpConfig.OVH_BATCH);
        if (settings.definitions().stream().noneMatch(d -> d.key().equals(key))) {
            return; // a provider without a batch setting never batches
        }
        gateway.onBatchingStopped(() -> {
            try {
                settings.setAll(Map.of(key, "1"), "engine");
                LOG.warn("{}: batching turned off for good ({} = 1)", gateway.name(), key);
            } catch (RuntimeException e) {
                // this gateway already sends one per job; only a later one would batch again
                LOG.error("{}: could not save {} = 1: {}", gateway.name(), key, e.toString());
            }
        });
    }
}

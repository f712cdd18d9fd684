package org.comptoir.gateway.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request a provider wants made, before authentication: the gateway adds the provider's credentials
 * ({@link Provider#authorize}) at each attempt, since some signatures carry a timestamp.
 *
 * @param body empty for none; sent as UTF-8
 */
record Call(String method, URI uri, Map<String, String> headers, String body) {

    Call {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    static Call get(URI uri) {
        return new Call("GET", uri, Map.of("Accept", "application/json"), "");
    }

    static Call delete(URI uri) {
        return new Call("DELETE", uri, Map.of("Accept", "application/json"), "");
    }

    static Call json(String method, URI uri, String json) {
        return new Call(method, uri, Map.of("Content-Type", "application/json; charset=utf-8",
                "Accept", "application/json"), json);
    }

    static Call form(URI uri, String form) {
        return new Call("POST", uri, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Accept", "application/json"), form);
    }
}

package org.comptoir.gateway.http;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A provider's answer: status, headers and the body as text (UTF-8). */
record Reply(int status, HttpHeaders headers, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}

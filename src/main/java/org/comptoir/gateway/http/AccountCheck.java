package org.comptoir.gateway.http;

import java.util.Optional;

/**
 * The result of "Tester" ({@link HttpGateway#checkAccount}).
 *
 * @param checked false when the provider has no account call (a generic template): nothing was asked
 * @param credit  the remaining credit as the provider states it, when it does
 */
public record AccountCheck(String provider, boolean checked, Optional<String> credit) {
}

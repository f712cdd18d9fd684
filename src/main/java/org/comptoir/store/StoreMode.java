package org.comptoir.store;

import java.util.Locale;
import java.util.Optional;

/** Where a till's store lives ({@code store.mode}). */
public enum StoreMode {
    /** The H2 file in the data folder; one application at a time (the default, as every shop began). */
    EMBEDDED("embedded"),
    /** One PC of the shop serves its H2 store over the local network; the other tills connect to it. */
    SHOP_SERVER("shop-server"),
    /** A PostgreSQL database shared by the shops of a chain. */
    POSTGRESQL("postgresql");

    private final String key;

    StoreMode(String key) {
        this.key = key;
    }

    /** As typed after {@code config set store.mode}. */
    public String key() {
        return key;
    }

    public static Optional<StoreMode> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (StoreMode m : values()) {
            if (m.key.equals(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}

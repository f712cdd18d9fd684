package org.comptoir.store;

import java.util.Objects;

/**
 * Which store a till opens: its own H2 file, a shop server's H2 over TCP ({@code url} is {@code host:port}), or a
 * PostgreSQL database ({@code url} is a {@code jdbc:postgresql:} URL). The password is the plain one, unsealed by
 * the caller from the till's settings; {@link #toString()} never shows it.
 *
 * @param serve for {@link StoreMode#SHOP_SERVER} with no url: the address this PC serves its store on (never all
 *              interfaces unless the owner typed {@code 0.0.0.0}); null otherwise
 */
public record StoreTarget(StoreMode mode, String url, String user, String password, String serve, int port) {

    public static final int DEFAULT_PORT = 9092;

    public StoreTarget {
        Objects.requireNonNull(mode, "mode");
    }

    public static StoreTarget embedded() {
        return new StoreTarget(StoreMode.EMBEDDED, null, null, null, null, 0);
    }

    /** A PostgreSQL database of a chain. */
    public static StoreTarget postgresql(String url, String user, String password) {
        return new StoreTarget(StoreMode.POSTGRESQL, url, user, password, null, 0);
    }

    /** A till of the shop that connects to the serving PC at {@code hostPort} ({@code host} or {@code host:port}). */
    public static StoreTarget shopClient(String hostPort, String password) {
        return new StoreTarget(StoreMode.SHOP_SERVER, hostPort, null, password, null, 0);
    }

    /** The PC that serves its own store to the shop's tills on {@code address:port}. */
    public static StoreTarget shopServer(String address, int port, String password) {
        return new StoreTarget(StoreMode.SHOP_SERVER, null, null, password, address, port);
    }

    /** Whether the store lives in this PC's data folder (embedded, or served from here). */
    public boolean local() {
        return mode == StoreMode.EMBEDDED || (mode == StoreMode.SHOP_SERVER && (url == null || url.isBlank()));
    }

    @Override
    public String toString() {
        return mode.key() + (url == null ? "" : " " + url) + (serve == null ? "" : " serving on " + serve + ":" + port);
    }
}

package org.comptoir.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of connections to a database server (PostgreSQL), so that the services' many short calls do not each
 * pay a login. A connection given back is reset to auto-commit and kept; one the server dropped (a network cut, a
 * restart) is checked before reuse and replaced, which is how a till recovers when the server returns.
 * Thread-safe; {@link #getConnection()} waits up to {@code WAIT_SECONDS} for a free connection.
 */
final class RemotePool {

    private static final int WAIT_SECONDS = 30;
    private static final int VALID_SECONDS = 5;

    private final String url;
    private final java.util.Properties login;
    private final BlockingQueue<Connection> idle;
    private final Semaphore permits;
    private volatile boolean closed;

    RemotePool(String url, String user, String password, int max) {
        this.url = url;
        this.login = new java.util.Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        this.idle = new ArrayBlockingQueue<>(max);
        this.permits = new Semaphore(max, true);
    }

    Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the store is closed");
        }
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("no free connection to " + url + " after " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for a connection", e);
        }
        try {
            Connection real = null;
            for (Connection c = idle.poll(); c != null && real == null; c = real == null ? idle.poll() : null) {
                if (c.isValid(VALID_SECONDS)) {
                    real = c;
                } else {
                    quietClose(c);
                }
            }
            if (real == null) {
                real = DriverManager.getConnection(url, login);
            }
            return lend(real);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** A view of {@code real} whose close() gives it back (once) instead of closing it. */
    private Connection lend(Connection real) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (!returned[0]) {
                            returned[0] = true;
                            giveBack(real);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && method.getParameterCount() == 0 && returned[0]) {
                        return true;
                    }
                    if (returned[0]) {
                        throw new SQLException("connection already given back to the pool");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection real) {
        try {
            if (closed || real.isClosed()) {
                quietClose(real);
            } else {
                if (!real.getAutoCommit()) {
                    real.rollback();
                    real.setAutoCommit(true);
                }
                if (!idle.offer(real)) {
                    quietClose(real);
                }
            }
        } catch (SQLException e) {
            quietClose(real); // a connection the server dropped is not kept
        } finally {
            permits.release();
        }
    }

    void dispose() {
        closed = true;
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            quietClose(c);
        }
    }

    private static void quietClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already gone: nothing to give back
        }
    }
}

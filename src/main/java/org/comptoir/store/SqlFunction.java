package org.comptoir.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one JDBC connection, inside {@link Database#inTransaction} or {@link Database#withConnection}. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}

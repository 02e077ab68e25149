package io.datamind.query;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on a read-only connection lent by {@link QueryRunner#withConnection}: schema discovery and the like. The
 * connection is returned (and its transaction rolled back) when the callback ends; do not keep it.
 */
@FunctionalInterface
public interface ConnectionCallback<T> {

    T doWith(Connection connection) throws SQLException;
}

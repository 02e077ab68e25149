package io.datamind.schema;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A {@link Connection} whose {@link DatabaseMetaData} answers from fixed rows, shaped as a given driver returns them.
 * Filters by table as drivers do for key look-ups, and by catalog only when the driver honours that argument.
 */
final class FakeMetadataConnection {

    /** A result set's column labels and rows, values in label order. */
    record Rows(List<String> labels, List<Object[]> values) {

        static Rows of(String... labels) {
            return new Rows(List.of(labels), new ArrayList<>());
        }

        Rows row(Object... row) {
            if (row.length != labels.size()) {
                throw new IllegalArgumentException("expected " + labels.size() + " values: " + Arrays.toString(row));
            }
            values.add(row);
            return this;
        }

        Object value(Object[] row, String label) {
            int index = labels.indexOf(label);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + label + " in " + labels);
            }
            return row[index];
        }

        Rows where(Predicate<Object[]> keep) {
            return new Rows(labels, values.stream().filter(keep).toList());
        }
    }

    String catalog;
    boolean filtersByCatalog;
    Rows tables;
    Rows columns;
    Rows primaryKeys;
    Rows importedKeys;
    /** The row-estimate query's answer; null when the server refuses it. */
    Rows estimates;

    /** The {@link DatabaseMetaData} methods called, in order. */
    final List<String> metadataCalls = new ArrayList<>();

    Connection connection() {
        DatabaseMetaData meta = proxy(DatabaseMetaData.class, (p, method, args) -> {
            metadataCalls.add(method.getName());
            return metadata(method.getName(), args);
        });
        Statement statement = proxy(Statement.class, (p, method, args) -> switch (method.getName()) {
            case "executeQuery" -> {
                if (estimates == null) {
                    throw new SQLException("permission denied");
                }
                yield resultSet(estimates);
            }
            case "close" -> null;
            default -> throw new UnsupportedOperationException(method.getName());
        });
        return proxy(Connection.class, (p, method, args) -> switch (method.getName()) {
            case "getMetaData" -> meta;
            case "getCatalog" -> catalog;
            case "createStatement" -> statement;
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private ResultSet metadata(String method, Object[] args) {
        return switch (method) {
            case "getTables" -> resultSet(inCatalog(tables, args[0]));
            case "getColumns" -> resultSet(inCatalog(columns, args[0]));
            case "getPrimaryKeys" -> resultSet(ofTable(primaryKeys, "TABLE_SCHEM", "TABLE_NAME", args));
            case "getImportedKeys" -> resultSet(ofTable(importedKeys, "FKTABLE_SCHEM", "FKTABLE_NAME", args));
            default -> throw new UnsupportedOperationException(method);
        };
    }

    private Rows inCatalog(Rows rows, Object catalog) {
        if (!filtersByCatalog || catalog == null) {
            return rows;
        }
        return rows.where(row -> catalog.equals(rows.value(row, "TABLE_CAT")));
    }

    private static Rows ofTable(Rows rows, String schemaLabel, String tableLabel, Object[] args) {
        return rows.where(row -> (args[1] == null || Objects.equals(args[1], rows.value(row, schemaLabel)))
                && Objects.equals(args[2], rows.value(row, tableLabel)));
    }

    private static ResultSet resultSet(Rows rows) {
        int[] at = {-1};
        boolean[] lastNull = {false};
        return proxy(ResultSet.class, (p, method, args) -> {
            switch (method.getName()) {
                case "next":
                    return ++at[0] < rows.values().size();
                case "close":
                    return null;
                case "wasNull":
                    return lastNull[0];
                default:
            }
            Object[] row = rows.values().get(at[0]);
            Object value = args[0] instanceof Integer index
                    ? row[index - 1]
                    : rows.value(row, ((String) args[0]).toUpperCase(java.util.Locale.ROOT));
            lastNull[0] = value == null;
            return switch (method.getName()) {
                case "getString" -> value == null ? null : value.toString();
                case "getInt" -> value == null ? 0 : ((Number) value).intValue();
                case "getShort" -> value == null ? (short) 0 : ((Number) value).shortValue();
                case "getLong" -> value == null ? 0L : ((Number) value).longValue();
                case "getObject" -> value;
                default -> throw new UnsupportedOperationException(method.getName());
            };
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(
                Proxy.newProxyInstance(FakeMetadataConnection.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}

package io.datamind.query;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Describes result columns in DataMind's small set of types and picks, once per column, how to read its values. The
 * JDBC type decides the kind; the database's own type name is kept for people and the LLM.
 */
final class Columns {

    /** Reads and converts one column of the current row. */
    @FunctionalInterface
    interface Reader {
        Object read(ResultSet rs) throws SQLException;
    }

    final List<ResultColumn> columns;
    final Reader[] readers;

    private Columns(List<ResultColumn> columns, Reader[] readers) {
        this.columns = List.copyOf(columns);
        this.readers = readers;
    }

    static Columns of(ResultSetMetaData metaData, DatabaseType type) throws SQLException {
        int count = metaData.getColumnCount();
        List<ResultColumn> columns = new ArrayList<>(count);
        Reader[] readers = new Reader[count];
        for (int i = 1; i <= count; i++) {
            int jdbcType = metaData.getColumnType(i);
            String nativeType = metaData.getColumnTypeName(i);
            String label = metaData.getColumnLabel(i);
            columns.add(new ResultColumn(
                    label == null || label.isEmpty() ? metaData.getColumnName(i) : label,
                    kind(jdbcType, nativeType),
                    nativeType));
            readers[i - 1] = reader(i, jdbcType, nativeType == null ? "" : nativeType.toLowerCase(Locale.ROOT), type);
        }
        return new Columns(columns, readers);
    }

    static String kind(int jdbcType, String nativeType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "integer";
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> "number";
            case Types.CHAR,
                    Types.VARCHAR,
                    Types.LONGVARCHAR,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.LONGNVARCHAR,
                    Types.CLOB,
                    Types.NCLOB -> "text";
            case Types.BOOLEAN -> "boolean";
            case Types.BIT -> isBitString(nativeType) ? "binary" : "boolean";
            case Types.DATE -> "date";
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> "time";
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            default -> isWideInteger(nativeType) ? "integer" : "other";
        };
    }

    // DuckDB's 128-bit and unsigned integers have no JDBC type of their own.
    private static boolean isWideInteger(String nativeType) {
        String name = nativeType == null ? "" : nativeType.toLowerCase(Locale.ROOT);
        return name.equals("hugeint") || name.equals("uhugeint") || name.equals("ubigint");
    }

    // MySQL BIT(n) with n > 1 and PostgreSQL bit strings are bits, not booleans.
    private static boolean isBitString(String nativeType) {
        String name = nativeType == null ? "" : nativeType.toLowerCase(Locale.ROOT);
        return name.equals("varbit") || name.equals("bit varying") || name.startsWith("bit(") && !name.equals("bit(1)");
    }

    private static Reader reader(int index, int jdbcType, String nativeType, DatabaseType type) {
        boolean typedTemporal =
                type == DatabaseType.POSTGRESQL || type == DatabaseType.MYSQL || type == DatabaseType.MARIADB;
        if (typedTemporal) {
            switch (jdbcType) {
                case Types.DATE:
                    return rs -> Values.json(rs.getObject(index, LocalDate.class));
                case Types.TIMESTAMP:
                    return nativeType.equals("timestamptz")
                            ? rs -> Values.json(rs.getObject(index, OffsetDateTime.class))
                            : rs -> Values.json(rs.getObject(index, LocalDateTime.class));
                case Types.TIMESTAMP_WITH_TIMEZONE:
                    return rs -> Values.json(rs.getObject(index, OffsetDateTime.class));
                case Types.TIME:
                    return nativeType.equals("timetz")
                            ? rs -> Values.json(rs.getObject(index, OffsetTime.class))
                            : rs -> Values.json(rs.getObject(index, LocalTime.class));
                case Types.TIME_WITH_TIMEZONE:
                    return rs -> Values.json(rs.getObject(index, OffsetTime.class));
                default:
                    break;
            }
        }
        return switch (jdbcType) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
                rs -> {
                    byte[] bytes = rs.getBytes(index);
                    return bytes == null ? null : Values.binary(bytes);
                };
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR ->
                rs -> {
                    Object value = rs.getObject(index);
                    return value instanceof String ? value : Values.json(value);
                };
            default -> rs -> Values.json(rs.getObject(index));
        };
    }
}

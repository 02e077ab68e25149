package io.datamind.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Binds and reads {@code TIMESTAMP WITH TIME ZONE} the same way on H2 and PostgreSQL: the PostgreSQL driver takes
 * {@link OffsetDateTime} but not {@link Instant}.
 */
public final class DbTimes {

    private DbTimes() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

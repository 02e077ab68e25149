package io.datamind.ask;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.datamind.query.DatabaseType;
import io.datamind.query.guard.GuardVerdict;
import io.datamind.query.guard.TableRef;
import io.datamind.schema.SchemaSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The tables an earlier turn's SQL read, as the SQL guard parses it over the connection's current tables. Every
 * follow-up recalls up to {@code history-turns} earlier turns, so without this each question parsed the same stored
 * SQL again and again (a parse each, on the guard's parser threads). The answer depends only on the SQL, the dialect
 * and the discovered tables, so it is kept per schema discovery: a new discovery (a sync) is a new key, and entries
 * of the old one age out.
 */
@Component
class TablesRead {

    private final QueryCheck check;
    private final Cache<Key, List<String>> parsed = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    TablesRead(QueryCheck check) {
        this.check = check;
    }

    /** {@code schema.table} (or {@code table}) for each table the SQL read; none when the guard refuses it now. */
    List<String> of(String sql, DatabaseType type, SchemaSnapshot snapshot) {
        if (snapshot.connectionId() == null || snapshot.discoveredAt() == null) {
            // Not a stored discovery (a snapshot built in memory): nothing tells it apart from another one.
            return parse(sql, type, snapshot);
        }
        return parsed.get(
                new Key(snapshot.connectionId(), snapshot.discoveredAt(), type, sql),
                key -> parse(sql, type, snapshot));
    }

    private List<String> parse(String sql, DatabaseType type, SchemaSnapshot snapshot) {
        if (!(check.check(sql, type, snapshot) instanceof GuardVerdict.Accepted accepted)) {
            return List.of();
        }
        List<String> tables = new ArrayList<>();
        for (TableRef table : accepted.tables()) {
            tables.add(table.schema() == null ? table.name() : table.schema() + "." + table.name());
        }
        return List.copyOf(tables);
    }

    private record Key(UUID connectionId, Instant discoveredAt, DatabaseType type, String sql) {}
}

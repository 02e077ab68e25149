package io.datamind.ask;

import io.datamind.offline.OfflineDialect;
import io.datamind.query.DatabaseType;
import java.util.Optional;

/** The offline engine's dialect for a database type; it writes five of them. */
final class OfflineDialects {

    private OfflineDialects() {}

    static Optional<OfflineDialect> of(DatabaseType type) {
        return switch (type) {
            case POSTGRESQL -> Optional.of(OfflineDialect.POSTGRESQL);
            case MYSQL -> Optional.of(OfflineDialect.MYSQL);
            case MARIADB -> Optional.of(OfflineDialect.MARIADB);
            case SQLITE -> Optional.of(OfflineDialect.SQLITE);
            case DUCKDB -> Optional.of(OfflineDialect.DUCKDB);
            default -> Optional.empty();
        };
    }
}

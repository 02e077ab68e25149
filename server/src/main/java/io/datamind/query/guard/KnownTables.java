package io.datamind.query.guard;

import java.util.Arrays;
import java.util.Collection;

/**
 * The tables and views discovered on one connection: the only relations a query may read. System catalogs are never
 * in it, so a query naming one is refused like any unknown table.
 */
public interface KnownTables {

    /**
     * Whether the reference names a discovered table. Names compare without regard to case; a reference without
     * schema matches a table of that name in any schema; a schema-qualified reference matches a table listed without
     * schema when the schema is the dialect's default one ({@code public}, {@code main}, {@code dbo}...).
     */
    boolean contains(TableRef table);

    /** An in-memory set built from names such as {@code orders}, {@code sales.orders} or {@code "Odd.Name"}. */
    static KnownTables of(SqlDialect dialect, Collection<String> qualifiedNames) {
        return new InMemoryKnownTables(
                dialect.defaultSchema(),
                qualifiedNames.stream().map(TableRef::parse).toList());
    }

    static KnownTables of(SqlDialect dialect, String... qualifiedNames) {
        return of(dialect, Arrays.asList(qualifiedNames));
    }

    /** An in-memory set of already split names. */
    static KnownTables ofRefs(SqlDialect dialect, Collection<TableRef> tables) {
        return new InMemoryKnownTables(dialect.defaultSchema(), tables);
    }
}

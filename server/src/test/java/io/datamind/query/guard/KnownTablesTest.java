package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnownTablesTest {

    @Test
    void matchesWithoutRegardToCaseOrQuotes() {
        KnownTables known = KnownTables.of(SqlDialect.POSTGRESQL, "Orders", "\"Odd.Name\"");

        assertThat(known.contains(TableRef.of(null, "orders"))).isTrue();
        assertThat(known.contains(TableRef.of(null, "ORDERS"))).isTrue();
        assertThat(known.contains(TableRef.of(null, "Odd.Name"))).isTrue();
        assertThat(known.contains(TableRef.of(null, "Odd"))).isFalse();
    }

    @Test
    void aTableListedWithoutSchemaLivesInTheDialectsDefaultSchema() {
        assertThat(KnownTables.of(SqlDialect.POSTGRESQL, "orders").contains(TableRef.of("public", "orders")))
                .isTrue();
        assertThat(KnownTables.of(SqlDialect.SQLITE, "orders").contains(TableRef.of("main", "orders")))
                .isTrue();
        assertThat(KnownTables.of(SqlDialect.SQLSERVER, "orders").contains(TableRef.of("DBO", "orders")))
                .isTrue();
        assertThat(KnownTables.of(SqlDialect.POSTGRESQL, "orders").contains(TableRef.of("sales", "orders")))
                .isFalse();
        // MySQL's schema is the connection's database, which the list does not name.
        assertThat(KnownTables.of(SqlDialect.MYSQL, "orders").contains(TableRef.of("mysql", "orders")))
                .isFalse();
    }

    @Test
    void anUnqualifiedReferenceMatchesTheNameInAnySchema() {
        KnownTables known = KnownTables.of(SqlDialect.POSTGRESQL, "sales.orders");

        assertThat(known.contains(TableRef.of(null, "orders"))).isTrue();
        assertThat(known.contains(TableRef.of("sales", "orders"))).isTrue();
        assertThat(known.contains(TableRef.of("public", "orders"))).isFalse();
    }

    @Test
    void aCatalogInTheQueryMustBeTheKnownTablesCatalog() {
        KnownTables known = KnownTables.of(SqlDialect.TRINO, "hive.sales.orders", "plain");

        assertThat(known.contains(new TableRef("hive", "sales", "orders"))).isTrue();
        assertThat(known.contains(TableRef.of("sales", "orders"))).isTrue();
        assertThat(known.contains(new TableRef("postgres", "sales", "orders"))).isFalse();
        assertThat(known.contains(new TableRef("hive", null, "plain"))).isFalse();
    }

    @Test
    void parsesQualifiedNames() {
        assertThat(TableRef.parse("a.\"b.c\".`d`")).isEqualTo(new TableRef("a", "b.c", "d"));
        assertThat(TableRef.parse("[dbo].[My Table]")).isEqualTo(TableRef.of("dbo", "My Table"));
        assertThat(TableRef.parse("\"say \"\"hi\"\"\"").name()).isEqualTo("say \"hi\"");
        assertThatThrownBy(() -> TableRef.parse("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableRef.parse("a.b.c.d")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.linking.GeneratedWarehouse;
import io.datamind.query.DatabaseType;
import io.datamind.query.guard.StandaloneSqlGuard;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TablesReadTest {

    private static final String JOIN = "SELECT c.country, COUNT(*) FROM sales.orders o"
            + " JOIN sales.customers c ON c.id = o.customer_id GROUP BY c.country";

    private final TablesRead tablesRead = new TablesRead(new QueryCheck(StandaloneSqlGuard.create()));
    private final SchemaSnapshot warehouse = GeneratedWarehouse.snapshot(UUID.randomUUID());

    @Test
    void namesTheTablesTheGuardFoundInTheQuery() {
        assertThat(tablesRead.of(JOIN, DatabaseType.POSTGRESQL, warehouse))
                .containsExactlyInAnyOrder("sales.orders", "sales.customers");
        assertThat(tablesRead.of(JOIN, DatabaseType.POSTGRESQL, warehouse))
                .as("the same turn asked about again")
                .containsExactlyInAnyOrder("sales.orders", "sales.customers");
    }

    @Test
    void namesNoneForSqlTheGuardRefuses() {
        assertThat(tablesRead.of("DELETE FROM sales.orders", DatabaseType.POSTGRESQL, warehouse))
                .isEmpty();
        assertThat(tablesRead.of("SELECT * FROM sales.nowhere", DatabaseType.POSTGRESQL, warehouse))
                .isEmpty();
    }

    @Test
    void readsTheTablesOfALaterDiscoveryAfresh() {
        assertThat(tablesRead.of(JOIN, DatabaseType.POSTGRESQL, warehouse)).hasSize(2);

        // The customers table was dropped and the schema synced again: the earlier turn no longer reads it.
        List<TableInfo> withoutCustomers = warehouse.tables().stream()
                .filter(table -> !table.name().equals("customers"))
                .toList();
        SchemaSnapshot later = new SchemaSnapshot(
                warehouse.connectionId(), warehouse.discoveredAt().plusSeconds(60), withoutCustomers);

        assertThat(tablesRead.of(JOIN, DatabaseType.POSTGRESQL, later)).isEmpty();
        assertThat(tablesRead.of(JOIN, DatabaseType.POSTGRESQL, warehouse))
                .containsExactlyInAnyOrder("sales.orders", "sales.customers");
    }
}

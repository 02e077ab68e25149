package io.datamind.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The production selector on a warehouse of about 370 tables, with the embeddings the indexer stores after a sync
 * (the real model, in an in-memory application database migrated like the server's).
 */
class SchemaSelectorTest {

    private static final int BUDGET = 800;

    static final UUID ORG = UUID.randomUUID();
    static final UUID CONNECTION = UUID.randomUUID();
    static SchemaSnapshot warehouse;
    static AppDatabase app;
    static MiniLmEmbedder embedder;
    static SimpleMeterRegistry meters;
    static SchemaVectorStore store;
    static SchemaEmbeddingIndexer indexer;
    static RelevantSchemaSelector selector;
    static int embeddedAtSync;

    @BeforeAll
    static void syncOnce() {
        warehouse = GeneratedWarehouse.snapshot(CONNECTION);
        app = AppDatabase.inMemory("selector-" + CONNECTION);
        app.insertConnection(ORG, CONNECTION);
        embedder = new MiniLmEmbedder();
        meters = new SimpleMeterRegistry();
        LinkingProperties properties = new LinkingProperties(true, 20, 25);
        store = new SchemaVectorStore(app.vectorRepository());
        indexer = new SchemaEmbeddingIndexer(app.vectorRepository(), store, embedder, properties, meters);
        embeddedAtSync = indexer.index(ORG, warehouse);
        selector = new RelevantSchemaSelector(store, embedder, properties);
    }

    @AfterAll
    static void unloadModel() throws IOException {
        embedder.destroy();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "How many orders did each customer place? | sales.orders sales.customers",
                "Average salary of employees in the Marketing department | hr.employees hr.departments",
                "Which suppliers provide products of the category toys? | inventory.suppliers inventory.products"
                        + " inventory.product_suppliers inventory.categories",
                "How long do urgent tickets take to resolve, per agent? | support.tickets support.agents",
                "Which carrier delivered the most shipments of orders from customers in Germany?"
                        + " | logistics.shipments logistics.carriers sales.orders sales.customers",
                "Total ledger debit per account in 2024 | finance.ledger_entries finance.accounts",
                "Which cars were bought before 2020? | fleet.vehicles",
                "Who drives which truck? | fleet.drivers fleet.vehicle_assignments fleet.vehicles",
            })
    void findsTheTablesAQuestionNeedsAndTheirJoins(String question, String expected) {
        SchemaContext context = selector.select(warehouse, question, BUDGET);

        assertThat(names(context)).as(context.text()).contains(expected.split(" "));
        assertThat(context.tokens()).isLessThanOrEqualTo(BUDGET);
        assertThat(context.tables().size())
                .as("a small part of the warehouse")
                .isLessThan(warehouse.tables().size() / 10);
    }

    @Test
    void rendersTypesKeysForeignKeysAndTheValuesTheQuestionNamed() {
        SchemaContext context = selector.select(warehouse, "Which products does Acme Corp supply?", BUDGET);

        assertThat(names(context)).contains("inventory.suppliers", "inventory.products", "inventory.product_suppliers");
        assertThat(context.text())
                .contains("TABLE inventory.product_suppliers\n")
                .contains("  product_id integer FK -> inventory.products(id)\n")
                .contains("  supplier_id integer FK -> inventory.suppliers(id)\n")
                .contains("  id integer PK\n")
                .contains("  supplier_name varchar(60) -- values: 'Acme Corp', 'Globex', 'Initech'\n");
        assertThat(context.tokens()).isEqualTo((context.text().length() + 3) / 4);
    }

    @Test
    void theBridgeBetweenTwoChosenTablesComesNext() {
        String question = "Which employees worked on which projects?";
        // Without embeddings too (a sync in progress): nothing in the bridge's name or columns matches the question.
        SchemaSnapshot unsynced = new SchemaSnapshot(UUID.randomUUID(), warehouse.discoveredAt(), warehouse.tables());
        for (SchemaSnapshot snapshot : List.of(warehouse, unsynced)) {
            SchemaContext context = selector.select(snapshot, question, BUDGET);

            assertThat(names(context).subList(0, 3))
                    .containsExactlyInAnyOrder("hr.employees", "hr.projects", "hr.allocations");
            assertThat(context.text()).contains("  staff_ref integer FK -> hr.employees(id)\n");
        }
    }

    @Test
    void theBudgetIsNeverExceeded() {
        List<String> questions = List.of(
                "How many orders did each customer place?",
                "Which products does Acme Corp supply?",
                "sensor readings per site and month",
                "events of March 2022",
                "everything");
        for (int budget : new int[] {40, 150, 400, 1500, 4000}) {
            for (String question : questions) {
                SchemaContext context = selector.select(warehouse, question, budget);
                assertThat(context.tokens())
                        .as("%s within %d", question, budget)
                        .isLessThanOrEqualTo(budget);
                assertThat(context.text().length()).isLessThanOrEqualTo(budget * 4);
            }
        }
        assertThat(selector.select(warehouse, "How many orders?", 5).tables()).isEmpty();
    }

    @Test
    void aWideTableShowsItsKeysAndTheColumnsTheQuestionNamed() {
        SchemaContext context =
                selector.select(warehouse, "Which customer profiles have the most loyalty points?", BUDGET);

        TableInfo profiles = table(context, "sales.customer_profiles");
        assertThat(profiles.columns()).hasSize(25);
        assertThat(profiles.columns().stream().map(ColumnInfo::name)).contains("id", "loyalty_points");
        assertThat(context.text()).contains("  ... 35 more columns\n");
    }

    @Test
    void aGlossaryTermPointsAtItsTable() {
        Map<String, String> glossary = Map.of("patrons", "sales.customers", "headcount", "hr.employees");

        SchemaContext context = selector.select(warehouse, "How many patrons signed up this year?", BUDGET, glossary);
        assertThat(context.tables().get(0).name()).isEqualTo("customers");

        SchemaContext headcount = selector.select(warehouse, "headcount by department", BUDGET, glossary);
        assertThat(names(headcount)).startsWith("hr.employees").contains("hr.departments");
    }

    @Test
    void aSmallSchemaGoesInWhole() {
        List<TableInfo> few =
                warehouse.tables().stream().filter(t -> t.schema().equals("hr")).toList();
        SchemaSnapshot small = new SchemaSnapshot(UUID.randomUUID(), warehouse.discoveredAt(), few);

        SchemaContext context = selector.select(small, "salaries", 2000);

        assertThat(context.tables()).isEqualTo(few);
        assertThat(context.text()).contains("TABLE hr.leave_requests", "leave_type varchar(60)");
    }

    @Test
    void withoutStoredEmbeddingsWordsAloneStillChoose() {
        // A connection whose sync is still embedding: same schema, nothing stored yet.
        SchemaSnapshot unsynced = new SchemaSnapshot(UUID.randomUUID(), warehouse.discoveredAt(), warehouse.tables());

        SchemaContext context = selector.select(unsynced, "Average salary per department", BUDGET);

        assertThat(names(context)).contains("hr.employees", "hr.departments");
        assertThat(context.tokens()).isLessThanOrEqualTo(BUDGET);
        // A question that names nothing still gets the most joined tables rather than an empty schema.
        SchemaContext vague = selector.select(unsynced, "hello there", BUDGET);
        assertThat(names(vague)).as("each joined to 19 tables").startsWith("ops.lab_sites", "ops.sensor_sites");
        assertThat(vague.tokens()).isLessThanOrEqualTo(BUDGET);
        // What only the embeddings know: cars are vehicles.
        assertThat(names(selector.select(unsynced, "Which cars were bought before 2020?", BUDGET)))
                .doesNotContain("fleet.vehicles");
    }

    @Test
    void theTablesAConversationReadAreKeptForAFollowUpThatNamesNone() {
        // An earlier turn read these; "and by month?" names none of them.
        List<String> earlier = List.of("fleet.drivers", "ops.parking_permits", "parking_sites");
        SchemaContext alone = selector.select(warehouse, "and by month?", BUDGET);
        assertThat(names(alone))
                .as("the warehouse is cut")
                .doesNotContain("fleet.drivers", "ops.parking_permits", "ops.parking_sites");

        SchemaContext kept = selector.select(warehouse, "and by month?", BUDGET, Map.of(), earlier);
        assertThat(names(kept).subList(0, 3))
                .as("required first; a bare name finds the only table of that name")
                .containsExactlyInAnyOrder("fleet.drivers", "ops.parking_permits", "ops.parking_sites");
        assertThat(kept.tokens()).isLessThanOrEqualTo(BUDGET);

        // The new question still chooses its own tables beside them; names the schema lacks are ignored.
        SchemaContext refined = selector.select(
                warehouse,
                "only for customers in Germany",
                BUDGET,
                Map.of(),
                List.of("public.parking_permits", "fleet.no_such_table"));
        assertThat(names(refined)).contains("ops.parking_permits", "sales.customers");
        assertThat(refined.tokens()).isLessThanOrEqualTo(BUDGET);
        assertThat(selector.select(warehouse, "and by month?", 5, Map.of(), earlier)
                        .tables())
                .as("still within the budget")
                .isEmpty();
    }

    @Test
    void embeddingsAreComputedOncePerSyncAndReused() {
        double computed =
                meters.get("datamind.linking.embeddings.computed").counter().count();
        int items = EmbeddingTexts.of(warehouse).size();
        assertThat(embeddedAtSync).isEqualTo(items);
        assertThat(computed).as("no other test computed any").isEqualTo(items);

        for (int i = 0; i < 5; i++) {
            selector.select(warehouse, "Which cars were bought before 2020?", BUDGET);
        }
        assertThat(app.jdbc
                        .sql("SELECT COUNT(*) FROM schema_embeddings WHERE connection_id = :id")
                        .param("id", CONNECTION)
                        .query(Long.class)
                        .single())
                .isEqualTo(items);

        // Another connection, synced twice unchanged, then with one new column.
        UUID other = UUID.randomUUID();
        app.insertConnection(UUID.randomUUID(), other);
        List<TableInfo> business = warehouse.tables().stream()
                .filter(t -> !t.schema().equals("ops") && !t.schema().equals("archive"))
                .toList();
        SchemaSnapshot first = new SchemaSnapshot(other, warehouse.discoveredAt(), business);
        int firstSync = indexer.index(ORG, first);
        assertThat(firstSync).isEqualTo(EmbeddingTexts.of(first).size());
        assertThat(indexer.index(ORG, first)).as("an unchanged schema").isZero();

        List<TableInfo> changed = new ArrayList<>(business);
        TableInfo vehicles = table(business, "fleet.vehicles");
        List<ColumnInfo> columns = new ArrayList<>(vehicles.columns());
        columns.add(new ColumnInfo("mileage_km", "integer", "integer", true, columns.size() + 1, null, List.of()));
        changed.set(
                changed.indexOf(vehicles),
                new TableInfo(
                        vehicles.schema(),
                        vehicles.name(),
                        vehicles.kind(),
                        vehicles.comment(),
                        null,
                        columns,
                        vehicles.primaryKey(),
                        vehicles.foreignKeys()));
        SchemaSnapshot second =
                new SchemaSnapshot(other, warehouse.discoveredAt().plusSeconds(60), changed);
        assertThat(indexer.index(ORG, second))
                .as("the table's own text and its new column")
                .isEqualTo(2);
        assertThat(meters.get("datamind.linking.embeddings.computed").counter().count())
                .isEqualTo(items + firstSync + 2);
    }

    static List<String> names(SchemaContext context) {
        return context.tables().stream().map(t -> t.schema() + "." + t.name()).toList();
    }

    private static TableInfo table(SchemaContext context, String name) {
        return table(context.tables(), name);
    }

    private static TableInfo table(List<TableInfo> tables, String name) {
        return tables.stream()
                .filter(t -> (t.schema() + "." + t.name()).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + tables.size() + " tables"));
    }
}

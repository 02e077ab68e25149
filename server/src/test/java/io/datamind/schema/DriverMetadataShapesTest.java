package io.datamind.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.datamind.query.DatabaseType;
import io.datamind.schema.FakeMetadataConnection.Rows;
import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Discovery for SQL Server, ClickHouse and Trino, which cannot run here: {@link MetadataCatalog} is fed the
 * {@link DatabaseMetaData} result sets these drivers return (labels and values as mssql-jdbc 13, clickhouse-jdbc 0.10
 * (jdbc-v2) and trino-jdbc 476 produce them), so their system schemas, key shapes and type names are checked.
 */
class DriverMetadataShapesTest {

    private static final String[] TABLE_LABELS = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"};
    private static final String[] COLUMN_LABELS = {
        "TABLE_CAT",
        "TABLE_SCHEM",
        "TABLE_NAME",
        "COLUMN_NAME",
        "DATA_TYPE",
        "TYPE_NAME",
        "NULLABLE",
        "REMARKS",
        "ORDINAL_POSITION"
    };
    private static final String[] PK_LABELS = {
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"
    };
    private static final String[] FK_LABELS = {
        "PKTABLE_CAT",
        "PKTABLE_SCHEM",
        "PKTABLE_NAME",
        "PKCOLUMN_NAME",
        "FKTABLE_CAT",
        "FKTABLE_SCHEM",
        "FKTABLE_NAME",
        "FKCOLUMN_NAME",
        "KEY_SEQ",
        "UPDATE_RULE",
        "DELETE_RULE",
        "FK_NAME",
        "PK_NAME",
        "DEFERRABILITY"
    };
    private static final int NO_NULLS = DatabaseMetaData.columnNoNulls;
    private static final int NULLABLE = DatabaseMetaData.columnNullable;
    private static final short NO_ACTION = (short) DatabaseMetaData.importedKeyNoAction;
    private static final short NOT_DEFERRABLE = (short) DatabaseMetaData.importedKeyNotDeferrable;

    @Test
    void sqlServerSkipsSysAndInformationSchemaAndReadsKeysAcrossSchemas() throws Exception {
        FakeMetadataConnection db = new FakeMetadataConnection();
        db.catalog = "shop";
        db.filtersByCatalog = true;
        // sp_tables: user tables in dbo and other schemas; sys holds catalog views (SYSTEM TABLE) and two real
        // tables reported as TABLE; REMARKS is always null.
        db.tables = Rows.of(TABLE_LABELS)
                .row("shop", "dbo", "customers", "TABLE", null)
                .row("shop", "dbo", "orders", "TABLE", null)
                .row("shop", "sales", "order_lines", "TABLE", null)
                .row("shop", "dbo", "open_orders", "VIEW", null)
                .row("shop", "sys", "trace_xe_action_map", "TABLE", null)
                .row("shop", "sys", "objects", "SYSTEM TABLE", null)
                .row("shop", "INFORMATION_SCHEMA", "COLUMNS", "VIEW", null)
                .row("archive", "dbo", "customers", "TABLE", null);
        db.columns = Rows.of(COLUMN_LABELS)
                .row("shop", "dbo", "customers", "id", 4, "int identity", NO_NULLS, null, 1)
                .row("shop", "dbo", "customers", "name", -9, "nvarchar", NO_NULLS, null, 2)
                .row("shop", "dbo", "customers", "created_at", 93, "datetime2", NO_NULLS, null, 3)
                .row("shop", "dbo", "customers", "active", -7, "bit", NULLABLE, null, 4)
                .row("shop", "dbo", "orders", "id", -5, "bigint identity", NO_NULLS, null, 1)
                .row("shop", "dbo", "orders", "customer_id", 4, "int", NO_NULLS, null, 2)
                .row("shop", "dbo", "orders", "total", 3, "decimal", NULLABLE, null, 3)
                .row("shop", "dbo", "orders", "placed_at", -155, "datetimeoffset", NO_NULLS, null, 4)
                .row("shop", "sales", "order_lines", "order_id", -5, "bigint", NO_NULLS, null, 1)
                .row("shop", "sales", "order_lines", "line_no", 5, "smallint", NO_NULLS, null, 2)
                .row("shop", "sales", "order_lines", "amount", 3, "money", NO_NULLS, null, 3)
                .row("shop", "dbo", "open_orders", "id", -5, "bigint", NO_NULLS, null, 1)
                .row("shop", "sys", "trace_xe_action_map", "trace_column_id", 5, "smallint", NO_NULLS, null, 1)
                .row("shop", "INFORMATION_SCHEMA", "COLUMNS", "TABLE_NAME", -9, "nvarchar", NULLABLE, null, 3)
                .row("archive", "dbo", "customers", "legacy_id", 4, "int", NO_NULLS, null, 1);
        db.primaryKeys = Rows.of(PK_LABELS)
                .row("shop", "dbo", "customers", "id", (short) 1, "PK__customer__3213E83F6A5C1F2B")
                .row("shop", "dbo", "orders", "id", (short) 1, "PK__orders__3213E83F1C0C8D3A")
                .row("shop", "sales", "order_lines", "order_id", (short) 1, "PK_order_lines")
                .row("shop", "sales", "order_lines", "line_no", (short) 2, "PK_order_lines");
        db.importedKeys = Rows.of(FK_LABELS)
                .row(
                        "shop",
                        "dbo",
                        "customers",
                        "id",
                        "shop",
                        "dbo",
                        "orders",
                        "customer_id",
                        (short) 1,
                        NO_ACTION,
                        NO_ACTION,
                        "FK_orders_customers",
                        "PK__customer__3213E83F6A5C1F2B",
                        NOT_DEFERRABLE)
                .row(
                        "shop",
                        "dbo",
                        "orders",
                        "id",
                        "shop",
                        "sales",
                        "order_lines",
                        "order_id",
                        (short) 1,
                        NO_ACTION,
                        NO_ACTION,
                        "FK_order_lines_orders",
                        "PK__orders__3213E83F1C0C8D3A",
                        NOT_DEFERRABLE);
        db.estimates = Rows.of("table_schema", "table_name", "row_estimate")
                .row("dbo", "customers", 1200L)
                .row("dbo", "orders", 5400L)
                .row("sales", "order_lines", 20000L)
                .row("sys", "trace_xe_action_map", 0L);

        Map<String, TableInfo> tables = discover(DatabaseType.SQLSERVER, db);

        assertThat(tables.keySet())
                .containsExactly("dbo.customers", "dbo.orders", "sales.order_lines", "dbo.open_orders");
        TableInfo customers = tables.get("dbo.customers");
        assertThat(customers.kind()).isEqualTo("TABLE");
        assertThat(customers.comment()).isNull();
        assertThat(customers.rowEstimate()).isEqualTo(1200L);
        assertThat(customers.columns())
                .extracting(ColumnInfo::name, ColumnInfo::type, ColumnInfo::category, ColumnInfo::nullable)
                .containsExactly(
                        tuple("id", "int identity", "integer", false),
                        tuple("name", "nvarchar", "text", false),
                        tuple("created_at", "datetime2", "timestamp", false),
                        tuple("active", "bit", "boolean", true));
        assertThat(customers.primaryKey()).containsExactly("id");
        assertThat(tables.get("dbo.orders").columns())
                .extracting(ColumnInfo::category)
                .containsExactly("integer", "integer", "number", "timestamp");
        assertThat(tables.get("dbo.orders").foreignKeys())
                .containsExactly(new ForeignKey(
                        "FK_orders_customers", List.of("customer_id"), "dbo", "customers", List.of("id")));
        TableInfo lines = tables.get("sales.order_lines");
        assertThat(lines.rowEstimate()).isEqualTo(20000L);
        assertThat(lines.primaryKey()).containsExactly("order_id", "line_no");
        assertThat(lines.foreignKeys())
                .containsExactly(
                        new ForeignKey("FK_order_lines_orders", List.of("order_id"), "dbo", "orders", List.of("id")));
        TableInfo view = tables.get("dbo.open_orders");
        assertThat(view.kind()).isEqualTo("VIEW");
        assertThat(view.rowEstimate()).isNull();
        assertThat(view.primaryKey()).isEmpty();
    }

    @Test
    void sqlServerWithoutViewServerStateKeepsTablesWithUnknownSize() throws Exception {
        FakeMetadataConnection db = new FakeMetadataConnection();
        db.catalog = "shop";
        db.filtersByCatalog = true;
        db.tables = Rows.of(TABLE_LABELS).row("shop", "dbo", "customers", "TABLE", null);
        db.columns = Rows.of(COLUMN_LABELS).row("shop", "dbo", "customers", "id", 4, "int", NO_NULLS, null, 1);
        db.primaryKeys = Rows.of(PK_LABELS);
        db.importedKeys = Rows.of(FK_LABELS);
        db.estimates = null;

        TableInfo customers = discover(DatabaseType.SQLSERVER, db).get("dbo.customers");

        assertThat(customers.rowEstimate()).isNull();
        assertThat(customers.columns()).extracting(ColumnInfo::name).containsExactly("id");
    }

    @Test
    void clickHouseReadsDatabasesAsSchemasAndSkipsItsSystemDatabases() throws Exception {
        FakeMetadataConnection db = new FakeMetadataConnection();
        // jdbc-v2 ignores the catalog argument: TABLE_CAT is '' and every database comes back as TABLE_SCHEM.
        db.catalog = null;
        db.tables = Rows.of(TABLE_LABELS)
                .row("", "analytics", "events", "TABLE", "Raw click events")
                .row("", "analytics", "daily_totals", "MATERIALIZED VIEW", "")
                .row("", "analytics", "sessions", "VIEW", "")
                .row("", "default", "hits", "TABLE", "")
                // Engines other than MergeTree get their own types: Memory and Buffer, Log and TinyLog.
                .row("", "analytics", "country_names", "MEMORY TABLE", "")
                .row("", "analytics", "import_batches", "LOG TABLE", "")
                .row("", "system", "tables", "SYSTEM TABLE", "")
                .row("", "system", "query_log", "TABLE", "")
                .row("", "INFORMATION_SCHEMA", "COLUMNS", "VIEW", "")
                .row("", "information_schema", "tables", "VIEW", "");
        // Nullable and LowCardinality wrap the type name; REMARKS is '' when a column has no comment.
        db.columns = Rows.of(COLUMN_LABELS)
                .row("", "analytics", "events", "user_id", -5, "UInt32", NO_NULLS, "", 1)
                .row("", "analytics", "events", "ts", 93, "DateTime64(3)", NO_NULLS, "when it happened", 2)
                .row("", "analytics", "events", "country", 12, "LowCardinality(String)", NO_NULLS, "", 3)
                .row("", "analytics", "events", "revenue", 3, "Nullable(Decimal(18, 2))", NULLABLE, "", 4)
                .row("", "analytics", "events", "event_date", 91, "Date", NO_NULLS, "", 5)
                .row("", "analytics", "events", "first_seen", 93, "Nullable(DateTime)", NULLABLE, "", 6)
                .row("", "analytics", "events", "score", 8, "Nullable(Float64)", NULLABLE, "", 7)
                .row("", "analytics", "events", "bounced", 16, "Bool", NO_NULLS, "", 8)
                .row("", "analytics", "daily_totals", "day", 91, "Date", NO_NULLS, "", 1)
                .row("", "analytics", "daily_totals", "total", 8, "Float64", NO_NULLS, "", 2)
                .row("", "default", "hits", "id", -5, "UInt64", NO_NULLS, "", 1)
                .row("", "analytics", "country_names", "code", 12, "FixedString(2)", NO_NULLS, "", 1)
                .row("", "analytics", "import_batches", "batch", 4, "Int32", NO_NULLS, "", 1)
                .row("", "system", "tables", "name", 12, "String", NO_NULLS, "", 2);
        // Primary key columns come ordered by name, not by KEY_SEQ; PK_NAME is always 'PRIMARY'.
        db.primaryKeys = Rows.of(PK_LABELS)
                .row(null, "analytics", "events", "ts", (short) 2, "PRIMARY")
                .row(null, "analytics", "events", "user_id", (short) 1, "PRIMARY")
                .row(null, "default", "hits", "id", (short) 1, "PRIMARY");
        db.importedKeys = Rows.of(FK_LABELS);
        // system.tables: every user table with its engine; total_rows is NULL for engines that keep no count.
        db.estimates = Rows.of("database", "name", "total_rows", "engine")
                .row("analytics", "events", 1_000_000L, "MergeTree")
                .row("analytics", "daily_totals", null, "MaterializedView")
                .row("analytics", "sessions", null, "View")
                .row("default", "hits", 42L, "ReplacingMergeTree")
                .row("analytics", "country_names", 250L, "Memory")
                .row("analytics", "import_batches", null, "TinyLog");

        Map<String, TableInfo> tables = discover(DatabaseType.CLICKHOUSE, db);

        assertThat(tables.keySet())
                .containsExactly(
                        "analytics.events",
                        "analytics.daily_totals",
                        "analytics.sessions",
                        "default.hits",
                        "analytics.country_names",
                        "analytics.import_batches");
        TableInfo events = tables.get("analytics.events");
        assertThat(events.comment()).isEqualTo("Raw click events");
        assertThat(events.rowEstimate()).isEqualTo(1_000_000L);
        assertThat(events.primaryKey()).containsExactly("user_id", "ts");
        assertThat(events.foreignKeys()).isEmpty();
        assertThat(events.columns())
                .extracting(
                        ColumnInfo::name,
                        ColumnInfo::category,
                        ColumnInfo::nullable,
                        ColumnInfo::position,
                        ColumnInfo::comment)
                .containsExactly(
                        tuple("user_id", "integer", false, 1, null),
                        tuple("ts", "timestamp", false, 2, "when it happened"),
                        tuple("country", "text", false, 3, null),
                        tuple("revenue", "number", true, 4, null),
                        tuple("event_date", "date", false, 5, null),
                        tuple("first_seen", "timestamp", true, 6, null),
                        tuple("score", "number", true, 7, null),
                        tuple("bounced", "boolean", false, 8, null));
        TableInfo totals = tables.get("analytics.daily_totals");
        assertThat(totals.kind()).isEqualTo("VIEW");
        assertThat(totals.comment()).isNull();
        assertThat(totals.rowEstimate()).isNull();
        assertThat(tables.get("analytics.sessions").kind()).isEqualTo("VIEW");
        assertThat(tables.get("default.hits").rowEstimate()).isEqualTo(42L);
        assertThat(tables.get("default.hits").primaryKey()).containsExactly("id");
        assertThat(tables.get("analytics.country_names").kind()).isEqualTo("TABLE");
        assertThat(tables.get("analytics.country_names").columns())
                .extracting(ColumnInfo::category)
                .containsExactly("text");
        assertThat(tables.get("analytics.import_batches").kind()).isEqualTo("TABLE");
    }

    @Test
    void trinoReadsTheConnectionCatalogOnlyAndSkipsItsInformationSchema() throws Exception {
        FakeMetadataConnection db = new FakeMetadataConnection();
        // jdbc:trino://host:8080/hive/web: the catalog is the connection's; schemas are hive's schemas.
        db.catalog = "hive";
        db.filtersByCatalog = true;
        db.tables = Rows.of(TABLE_LABELS)
                .row("hive", "web", "page_views", "TABLE", "One row per page view")
                .row("hive", "web", "top_pages", "VIEW", null)
                .row("hive", "sales", "orders", "TABLE", null)
                .row("hive", "information_schema", "tables", "TABLE", null)
                .row("hive", "information_schema", "columns", "TABLE", null)
                .row("postgresql", "public", "users", "TABLE", null)
                .row("system", "runtime", "queries", "TABLE", null);
        db.columns = Rows.of(COLUMN_LABELS)
                .row("hive", "web", "page_views", "view_id", -5, "bigint", NULLABLE, null, 1)
                .row("hive", "web", "page_views", "url", 12, "varchar(2048)", NULLABLE, "full URL", 2)
                .row("hive", "web", "page_views", "viewed_at", 2014, "timestamp(3) with time zone", NULLABLE, null, 3)
                .row("hive", "web", "page_views", "price", 3, "decimal(12,2)", NULLABLE, null, 4)
                .row("hive", "web", "page_views", "ds", 91, "date", NO_NULLS, null, 5)
                .row("hive", "web", "top_pages", "url", 12, "varchar", NULLABLE, null, 1)
                .row("hive", "web", "top_pages", "views", -5, "bigint", NULLABLE, null, 2)
                .row("hive", "sales", "orders", "amount", 8, "double", NULLABLE, null, 1)
                .row("hive", "sales", "orders", "paid", 16, "boolean", NULLABLE, null, 2)
                .row("hive", "information_schema", "tables", "table_name", 12, "varchar", NULLABLE, null, 3)
                .row("postgresql", "public", "users", "id", 4, "integer", NO_NULLS, null, 1);
        // Trino knows no keys: both calls answer an empty result set of the JDBC shape.
        db.primaryKeys = Rows.of(PK_LABELS);
        db.importedKeys = Rows.of(FK_LABELS);

        Map<String, TableInfo> tables = discover(DatabaseType.TRINO, db);

        assertThat(tables.keySet()).containsExactly("web.page_views", "web.top_pages", "sales.orders");
        // No key look-ups: Trino has none, so they would be two empty round trips per table.
        assertThat(db.metadataCalls).containsExactly("getTables", "getColumns");
        TableInfo views = tables.get("web.page_views");
        assertThat(views.comment()).isEqualTo("One row per page view");
        assertThat(views.rowEstimate()).isNull();
        assertThat(views.primaryKey()).isEmpty();
        assertThat(views.foreignKeys()).isEmpty();
        assertThat(views.columns())
                .extracting(ColumnInfo::name, ColumnInfo::type, ColumnInfo::category, ColumnInfo::nullable)
                .containsExactly(
                        tuple("view_id", "bigint", "integer", true),
                        tuple("url", "varchar(2048)", "text", true),
                        tuple("viewed_at", "timestamp(3) with time zone", "timestamp", true),
                        tuple("price", "decimal(12,2)", "number", true),
                        tuple("ds", "date", "date", false));
        assertThat(views.columns().get(1).comment()).isEqualTo("full URL");
        assertThat(tables.get("web.top_pages").kind()).isEqualTo("VIEW");
        assertThat(tables.get("sales.orders").columns())
                .extracting(ColumnInfo::category)
                .containsExactly("number", "boolean");
    }

    @Test
    void clickHouseDiscoversDistributedRemoteAndDictionaryTablesButNotQueuesOrHiddenViewStorage() throws Exception {
        FakeMetadataConnection db = new FakeMetadataConnection();
        db.catalog = null;
        // TABLE_TYPE as jdbc-v2 0.10 maps system.tables.engine (DatabaseMetaDataImpl.ENGINE_TO_TABLE_TYPE):
        // Distributed, Remote, MySQL, S3, Kafka, ... -> REMOTE TABLE; Dictionary -> DICTIONARY; MaterializedView ->
        // MATERIALIZED VIEW; the MV's hidden storage is an ordinary MergeTree -> TABLE; temporary tables get
        // TEMPORARY TABLE.
        db.tables = Rows.of(TABLE_LABELS)
                .row("", "analytics", "events_local", "TABLE", "")
                .row("", "analytics", "events", "REMOTE TABLE", "Distributed over events_local")
                .row("", "analytics", "crm_accounts", "REMOTE TABLE", "")
                .row("", "analytics", "clicks_queue", "REMOTE TABLE", "")
                .row("", "analytics", "files_queue", "REMOTE TABLE", "")
                .row("", "analytics", "country_dict", "DICTIONARY", "")
                .row("", "analytics", "hourly", "MATERIALIZED VIEW", "")
                .row("", "analytics", ".inner_id.5c2d8a0e-4f0b-4d8e-9a1c-1b2c3d4e5f60", "TABLE", "")
                .row("", "legacy", ".inner.daily", "TABLE", "")
                .row("", "legacy", "daily", "MATERIALIZED VIEW", "")
                .row("", "analytics", "scratch", "TEMPORARY TABLE", "");
        db.columns = Rows.of(COLUMN_LABELS)
                .row("", "analytics", "events", "id", -5, "UInt64", NO_NULLS, "", 1)
                .row("", "analytics", "events_local", "id", -5, "UInt64", NO_NULLS, "", 1)
                .row("", "analytics", "crm_accounts", "name", 12, "String", NO_NULLS, "", 1)
                .row("", "analytics", "clicks_queue", "payload", 12, "String", NO_NULLS, "", 1)
                .row("", "analytics", "country_dict", "code", 12, "String", NO_NULLS, "", 1)
                .row("", "analytics", "hourly", "hour", 93, "DateTime", NO_NULLS, "", 1)
                .row(
                        "",
                        "analytics",
                        ".inner_id.5c2d8a0e-4f0b-4d8e-9a1c-1b2c3d4e5f60",
                        "hour",
                        93,
                        "DateTime",
                        NO_NULLS,
                        "",
                        1)
                .row("", "legacy", "daily", "day", 91, "Date", NO_NULLS, "", 1);
        db.primaryKeys = Rows.of(PK_LABELS);
        db.importedKeys = Rows.of(FK_LABELS);
        db.estimates = Rows.of("database", "name", "total_rows", "engine")
                .row("analytics", "events_local", 5000L, "MergeTree")
                .row("analytics", "events", null, "Distributed")
                .row("analytics", "crm_accounts", null, "PostgreSQL")
                .row("analytics", "clicks_queue", null, "Kafka")
                .row("analytics", "files_queue", null, "S3Queue")
                .row("analytics", "country_dict", null, "Dictionary")
                .row("analytics", "hourly", null, "MaterializedView")
                .row("analytics", ".inner_id.5c2d8a0e-4f0b-4d8e-9a1c-1b2c3d4e5f60", 24L, "MergeTree")
                .row("legacy", ".inner.daily", 7L, "MergeTree")
                .row("legacy", "daily", null, "MaterializedView");

        Map<String, TableInfo> tables = discover(DatabaseType.CLICKHOUSE, db);

        assertThat(tables.keySet())
                .containsExactly(
                        "analytics.events_local",
                        "analytics.events",
                        "analytics.crm_accounts",
                        "analytics.country_dict",
                        "analytics.hourly",
                        "legacy.daily");
        TableInfo distributed = tables.get("analytics.events");
        assertThat(distributed.kind()).isEqualTo("TABLE");
        assertThat(distributed.comment()).isEqualTo("Distributed over events_local");
        assertThat(distributed.rowEstimate()).isNull();
        assertThat(distributed.columns()).extracting(ColumnInfo::name).containsExactly("id");
        assertThat(tables.get("analytics.country_dict").kind()).isEqualTo("TABLE");
        assertThat(tables.get("analytics.hourly").kind()).isEqualTo("VIEW");
        assertThat(tables.get("analytics.hourly").columns())
                .extracting(ColumnInfo::name)
                .containsExactly("hour");
    }

    @Test
    void clickHouseLeavesRemoteTablesOutWhenItsEnginesCannotBeRead() throws Exception {
        FakeMetadataConnection db = new FakeMetadataConnection();
        db.tables = Rows.of(TABLE_LABELS)
                .row("", "analytics", "events", "REMOTE TABLE", "")
                .row("", "analytics", "country_dict", "DICTIONARY", "")
                .row("", "analytics", "hits", "TABLE", "");
        db.columns = Rows.of(COLUMN_LABELS);
        db.primaryKeys = Rows.of(PK_LABELS);
        db.importedKeys = Rows.of(FK_LABELS);
        // The system.tables query refused: a REMOTE TABLE could be a queue a SELECT would consume.
        db.estimates = null;

        assertThat(discover(DatabaseType.CLICKHOUSE, db).keySet())
                .containsExactly("analytics.country_dict", "analytics.hits");
    }

    @Test
    void clickHouseCompositeTypesAreCategorisedByTheirOuterType() throws Exception {
        FakeMetadataConnection db = new FakeMetadataConnection();
        db.tables = Rows.of(TABLE_LABELS).row("", "analytics", "sessions", "TABLE", "");
        // Type names as system.columns spells them; a Nested column arrives as one Array per field.
        db.columns = Rows.of(COLUMN_LABELS)
                .row("", "analytics", "sessions", "tags", 2003, "Array(String)", NO_NULLS, "", 1)
                .row("", "analytics", "sessions", "seen_at", 2003, "Array(DateTime)", NO_NULLS, "", 2)
                .row("", "analytics", "sessions", "notes", 2003, "Array(Nullable(String))", NO_NULLS, "", 3)
                .row("", "analytics", "sessions", "attrs", 2000, "Map(String, UInt64)", NO_NULLS, "", 4)
                .row(
                        "",
                        "analytics",
                        "sessions",
                        "span",
                        2002,
                        "Tuple(start DateTime, seconds UInt32)",
                        NO_NULLS,
                        "",
                        5)
                .row("", "analytics", "sessions", "goals.name", 2003, "Array(LowCardinality(String))", NO_NULLS, "", 6)
                .row(
                        "",
                        "analytics",
                        "sessions",
                        "uniq_users",
                        1111,
                        "AggregateFunction(uniq, String)",
                        NO_NULLS,
                        "",
                        7)
                .row("", "analytics", "sessions", "location", 2002, "Point", NO_NULLS, "", 8)
                .row("", "analytics", "sessions", "kind", 12, "Enum8('timestamp' = 1, 'int' = 2)", NO_NULLS, "", 9)
                .row("", "analytics", "sessions", "source", 12, "LowCardinality(Nullable(String))", NULLABLE, "", 10)
                .row("", "analytics", "sessions", "ended_at", 93, "Nullable(DateTime64(3, 'UTC'))", NULLABLE, "", 11)
                .row("", "analytics", "sessions", "code", 12, "FixedString(3)", NO_NULLS, "", 12)
                .row("", "analytics", "sessions", "day", 91, "Date32", NO_NULLS, "", 13);
        db.primaryKeys = Rows.of(PK_LABELS);
        db.importedKeys = Rows.of(FK_LABELS);
        db.estimates = Rows.of("database", "name", "total_rows", "engine").row("analytics", "sessions", 10L, "Log");

        TableInfo sessions = discover(DatabaseType.CLICKHOUSE, db).get("analytics.sessions");

        assertThat(sessions.columns())
                .extracting(ColumnInfo::name, ColumnInfo::category)
                .containsExactly(
                        tuple("tags", "other"),
                        tuple("seen_at", "other"),
                        tuple("notes", "other"),
                        tuple("attrs", "other"),
                        tuple("span", "other"),
                        tuple("goals.name", "other"),
                        tuple("uniq_users", "other"),
                        tuple("location", "other"),
                        tuple("kind", "text"),
                        tuple("source", "text"),
                        tuple("ended_at", "timestamp"),
                        tuple("code", "text"),
                        tuple("day", "date"));
    }

    @Test
    void trinoWithoutACatalogIsRefusedRatherThanMixingCatalogs() {
        FakeMetadataConnection db = new FakeMetadataConnection();
        db.catalog = null;
        db.tables = Rows.of(TABLE_LABELS)
                .row("hive", "web", "orders", "TABLE", null)
                .row("iceberg", "web", "orders", "TABLE", null);

        assertThatThrownBy(() -> CatalogReader.of(DatabaseType.TRINO).read(db.connection(), new SyncProgress()))
                .isInstanceOf(java.sql.SQLException.class)
                .hasMessageContaining("catalog");
        assertThat(db.metadataCalls).isEmpty();
    }

    @Test
    void trinoKeepsOnlyTheConnectionsCatalogEvenIfTheDriverAnswersMore() throws Exception {
        FakeMetadataConnection db = new FakeMetadataConnection();
        db.catalog = "hive";
        // filtersByCatalog false: the rows of another catalog come back, with the same schema.table.
        db.tables = Rows.of(TABLE_LABELS)
                .row("hive", "web", "orders", "TABLE", null)
                .row("iceberg", "web", "orders", "TABLE", null)
                .row("system", "jdbc", "tables", "TABLE", null)
                .row("system", "runtime", "queries", "TABLE", null);
        db.columns = Rows.of(COLUMN_LABELS)
                .row("hive", "web", "orders", "id", -5, "bigint", NULLABLE, null, 1)
                .row("iceberg", "web", "orders", "order_id", -5, "bigint", NULLABLE, null, 1)
                .row("hive", "web", "orders", "tags", 2003, "array(varchar)", NULLABLE, null, 2)
                .row("hive", "web", "orders", "attrs", 2000, "map(varchar, timestamp(3))", NULLABLE, null, 3)
                .row("hive", "web", "orders", "buyer", 2002, "row(name varchar, since date)", NULLABLE, null, 4);

        Map<String, TableInfo> tables = discover(DatabaseType.TRINO, db);

        assertThat(tables.keySet()).containsExactly("web.orders");
        assertThat(tables.get("web.orders").columns())
                .extracting(ColumnInfo::name, ColumnInfo::category)
                .containsExactly(
                        tuple("id", "integer"),
                        tuple("tags", "other"),
                        tuple("attrs", "other"),
                        tuple("buyer", "other"));
    }

    private static Map<String, TableInfo> discover(DatabaseType type, FakeMetadataConnection db) throws Exception {
        SyncProgress progress = new SyncProgress();
        List<TableInfo> tables = CatalogReader.of(type).read(db.connection(), progress);
        if (type == DatabaseType.TRINO) {
            assertThat(progress.current().phase()).isIn(SyncProgress.COLUMNS, SyncProgress.TABLES);
        } else {
            assertThat(progress.current().phase()).isEqualTo(SyncProgress.KEYS);
            assertThat(progress.current().done()).isEqualTo(tables.size());
        }
        return tables.stream()
                .collect(Collectors.toMap(
                        t -> t.schema() + "." + t.name(),
                        Function.identity(),
                        (a, b) -> {
                            throw new AssertionError("duplicate " + a.schema() + "." + a.name());
                        },
                        java.util.LinkedHashMap::new));
    }
}

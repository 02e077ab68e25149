package io.datamind.linking;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A company's warehouse written for these tests: a few dozen business tables in schemas (sales, hr, inventory,
 * support, marketing, finance, logistics, fleet) among some 300 generated tables of other subjects (sensor readings,
 * museum visits, parking permits...) and monthly archive tables, all with keys and foreign keys.
 */
public final class GeneratedWarehouse {

    private static final String[] SUBJECTS = {
        "lab",
        "sensor",
        "weather",
        "telemetry",
        "survey",
        "clinic",
        "library",
        "museum",
        "garden",
        "stadium",
        "airport",
        "school",
        "parking",
        "energy",
        "water"
    };
    private static final String[] FACETS = {
        "readings",
        "sites",
        "visits",
        "schedules",
        "devices",
        "inspections",
        "permits",
        "bookings",
        "members",
        "events",
        "logs",
        "zones",
        "routes",
        "alerts",
        "tariffs",
        "contracts",
        "audits",
        "batches",
        "findings",
        "rosters"
    };

    private final List<TableInfo> tables = new ArrayList<>();

    private GeneratedWarehouse() {}

    public static SchemaSnapshot snapshot(UUID connectionId) {
        GeneratedWarehouse w = new GeneratedWarehouse();
        w.business();
        w.generated();
        return new SchemaSnapshot(connectionId, Instant.parse("2026-01-01T00:00:00Z"), w.tables);
    }

    private void business() {
        table(
                "sales",
                "customers",
                "id",
                col("id", "integer"),
                col("full_name", "varchar(200)"),
                col("email", "varchar(254)"),
                values("country", "Germany", "France", "Spain", "Italy"),
                col("city", "varchar(100)"),
                col("created_at", "timestamp"));
        table(
                "sales",
                "orders",
                "id",
                col("id", "integer"),
                fk("customer_id", "sales", "customers"),
                col("order_date", "date"),
                values("status", "shipped", "cancelled", "pending"),
                col("total_amount", "numeric(12,2)"));
        table(
                "sales",
                "order_items",
                null,
                fk("order_id", "sales", "orders"),
                fk("product_id", "inventory", "products"),
                col("quantity", "integer"),
                col("unit_price", "numeric(12,2)"));
        table(
                "sales",
                "invoices",
                "id",
                col("id", "integer"),
                fk("order_id", "sales", "orders"),
                col("issued_on", "date"),
                col("amount", "numeric(12,2)"),
                col("currency", "char(3)"));
        table("sales", "sales_regions", "id", col("id", "integer"), values("region_name", "EMEA", "Americas", "APAC"));
        table(
                "sales",
                "sales_reps",
                "id",
                col("id", "integer"),
                col("name", "varchar(100)"),
                fk("region_id", "sales", "sales_regions"));

        table(
                "hr",
                "employees",
                "id",
                col("id", "integer"),
                col("first_name", "varchar(100)"),
                col("last_name", "varchar(100)"),
                col("hire_date", "date"),
                col("salary", "numeric(12,2)"),
                fk("department_id", "hr", "departments"),
                col("manager_id", "integer"));
        table(
                "hr",
                "departments",
                "id",
                col("id", "integer"),
                values("department_name", "Marketing", "Engineering", "Finance", "Support"));
        table(
                "hr",
                "projects",
                "id",
                col("id", "integer"),
                col("code", "varchar(20)"),
                col("title", "varchar(200)"),
                col("starts_on", "date"));
        // A bridge whose names share no word with the tables it joins: only its foreign keys say what it joins.
        table(
                "hr",
                "allocations",
                null,
                fk("staff_ref", "hr", "employees"),
                fk("job_ref", "hr", "projects"),
                col("hours", "numeric(6,1)"));
        table("hr", "job_titles", "id", col("id", "integer"), col("title", "varchar(100)"), col("grade", "integer"));
        table(
                "hr",
                "payroll_runs",
                "id",
                col("id", "integer"),
                fk("employee_id", "hr", "employees"),
                col("period", "date"),
                col("gross_pay", "numeric(12,2)"));
        table(
                "hr",
                "leave_requests",
                "id",
                col("id", "integer"),
                fk("employee_id", "hr", "employees"),
                col("start_date", "date"),
                col("days", "integer"),
                values("leave_type", "vacation", "sick", "parental"));

        table(
                "inventory",
                "products",
                "id",
                col("id", "integer"),
                col("sku", "varchar(40)"),
                col("product_name", "varchar(200)"),
                fk("category_id", "inventory", "categories"),
                col("list_price", "numeric(12,2)"));
        table("inventory", "categories", "id", col("id", "integer"), col("category_name", "varchar(100)"));
        table(
                "inventory",
                "suppliers",
                "id",
                col("id", "integer"),
                values("supplier_name", "Acme Corp", "Globex", "Initech"),
                col("country", "varchar(60)"));
        table(
                "inventory",
                "product_suppliers",
                null,
                fk("product_id", "inventory", "products"),
                fk("supplier_id", "inventory", "suppliers"),
                col("lead_time_days", "integer"));
        table("inventory", "warehouses", "id", col("id", "integer"), col("city", "varchar(100)"));
        table(
                "inventory",
                "stock_levels",
                null,
                fk("product_id", "inventory", "products"),
                fk("warehouse_id", "inventory", "warehouses"),
                col("quantity_on_hand", "integer"));

        table(
                "support",
                "tickets",
                "id",
                col("id", "integer"),
                fk("customer_id", "sales", "customers"),
                fk("agent_id", "support", "agents"),
                col("opened_at", "timestamp"),
                col("resolved_at", "timestamp"),
                values("priority", "low", "high", "urgent"));
        table(
                "support",
                "agents",
                "id",
                col("id", "integer"),
                col("agent_name", "varchar(100)"),
                col("team", "varchar(60)"));
        table(
                "support",
                "ticket_comments",
                "id",
                col("id", "integer"),
                fk("ticket_id", "support", "tickets"),
                col("body", "text"),
                col("created_at", "timestamp"));

        table(
                "marketing",
                "campaigns",
                "id",
                col("id", "integer"),
                col("campaign_name", "varchar(200)"),
                values("channel", "email", "social", "search"),
                col("budget", "numeric(12,2)"),
                col("start_date", "date"));
        table(
                "marketing",
                "leads",
                "id",
                col("id", "integer"),
                col("email", "varchar(254)"),
                col("source", "varchar(60)"),
                col("score", "integer"));
        table(
                "marketing",
                "campaign_leads",
                null,
                fk("campaign_id", "marketing", "campaigns"),
                fk("lead_id", "marketing", "leads"));

        table(
                "finance",
                "accounts",
                "id",
                col("id", "integer"),
                col("account_code", "varchar(20)"),
                col("account_name", "varchar(200)"));
        table(
                "finance",
                "ledger_entries",
                "id",
                col("id", "integer"),
                fk("account_id", "finance", "accounts"),
                col("posted_on", "date"),
                col("debit", "numeric(14,2)"),
                col("credit", "numeric(14,2)"));
        table(
                "finance",
                "budgets",
                null,
                fk("department_id", "hr", "departments"),
                col("fiscal_year", "integer"),
                col("amount", "numeric(14,2)"));

        table("logistics", "carriers", "id", col("id", "integer"), col("carrier_name", "varchar(100)"));
        table(
                "logistics",
                "shipments",
                "id",
                col("id", "integer"),
                fk("order_id", "sales", "orders"),
                fk("carrier_id", "logistics", "carriers"),
                col("shipped_on", "date"),
                col("delivered_on", "date"));

        table(
                "fleet",
                "vehicles",
                "id",
                col("id", "integer"),
                col("plate_number", "varchar(20)"),
                col("model", "varchar(100)"),
                col("purchase_date", "date"));
        table(
                "fleet",
                "drivers",
                "id",
                col("id", "integer"),
                col("name", "varchar(100)"),
                col("license_number", "varchar(40)"));
        table(
                "fleet",
                "vehicle_assignments",
                null,
                fk("vehicle_id", "fleet", "vehicles"),
                fk("driver_id", "fleet", "drivers"),
                col("assigned_on", "date"));

        // A wide table: only its keys and the columns closest to a question fit a prompt.
        List<ColumnInfo> wide = new ArrayList<>();
        wide.add(col("id", "integer"));
        for (int i = 1; i <= 58; i++) {
            wide.add(col("attribute_" + i, "varchar(40)"));
        }
        wide.add(col("loyalty_points", "integer"));
        table("sales", "customer_profiles", "id", wide.toArray(ColumnInfo[]::new));
    }

    private void generated() {
        for (String subject : SUBJECTS) {
            for (String facet : FACETS) {
                String name = subject + "_" + facet;
                if (facet.equals("sites")) {
                    table(
                            "ops",
                            name,
                            "id",
                            col("id", "integer"),
                            col("name", "varchar(100)"),
                            col("opened_on", "date"),
                            col("notes", "text"));
                } else {
                    table(
                            "ops",
                            name,
                            "id",
                            col("id", "integer"),
                            fk("site_id", "ops", subject + "_sites"),
                            col("recorded_at", "timestamp"),
                            col("value", "numeric(10,2)"));
                }
            }
        }
        for (int year = 2021; year <= 2023; year++) {
            for (int month = 1; month <= 12; month++) {
                table(
                        "archive",
                        String.format("events_%d_%02d", year, month),
                        "event_id",
                        col("event_id", "bigint"),
                        col("event_type", "varchar(40)"),
                        col("occurred_at", "timestamp"),
                        col("payload", "text"));
            }
        }
    }

    private void table(String schema, String name, String primaryKey, ColumnInfo... columns) {
        List<ColumnInfo> list = new ArrayList<>();
        List<ForeignKey> keys = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            ColumnInfo c = columns[i];
            list.add(new ColumnInfo(c.name(), c.type(), c.category(), c.nullable(), i + 1, null, c.sampleValues()));
            if (c.comment() != null && c.comment().startsWith("->")) {
                String[] target = c.comment().substring(2).split("\\.");
                keys.add(new ForeignKey(
                        "fk_" + name + "_" + c.name(), List.of(c.name()), target[0], target[1], List.of("id")));
            }
        }
        tables.add(new TableInfo(
                schema, name, "TABLE", null, null, list, primaryKey == null ? List.of() : List.of(primaryKey), keys));
    }

    private static ColumnInfo col(String name, String type) {
        String category = type.startsWith("varchar") || type.startsWith("char") || type.equals("text")
                ? "text"
                : type.startsWith("numeric") ? "number" : type.contains("int") ? "integer" : type;
        return new ColumnInfo(name, type, category, true, 0, null, List.of());
    }

    private static ColumnInfo values(String name, String... values) {
        return new ColumnInfo(name, "varchar(60)", "text", true, 0, null, Arrays.asList(values));
    }

    // The target travels in the comment until table() turns it into a foreign key.
    private static ColumnInfo fk(String name, String schema, String table) {
        return new ColumnInfo(name, "integer", "integer", true, 0, "->" + schema + "." + table, List.of());
    }
}

package io.datamind.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user finds in the generated database: the promised tables, keys, volume, seasons and anomalies. */
class SampleDatabaseContentTest {

    @TempDir
    static Path dir;

    static DuckDBConnection connection;

    @BeforeAll
    static void generate() throws Exception {
        Path file = dir.resolve(SampleDatabase.FILE_NAME);
        long started = System.nanoTime();
        Map<String, Integer> rows = SampleDatabaseFile.generate(file, () -> false);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("Sample database generated in %d ms: %s%n", millis, rows);
        connection = SampleDatabaseWriter.connect(file, true);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void hasThePromisedTablesWithCommentsOnEveryTableAndColumn() throws SQLException {
        assertThat(strings("SELECT table_name FROM duckdb_tables() ORDER BY table_name"))
                .containsExactly(
                        "categories",
                        "customers",
                        "order_lines",
                        "orders",
                        "payments",
                        "products",
                        "returns",
                        "sample_info");
        assertThat(strings("SELECT table_name FROM duckdb_tables() WHERE coalesce(comment, '') = ''"))
                .isEmpty();
        assertThat(strings("SELECT table_name || '.' || column_name FROM duckdb_columns()"
                        + " WHERE NOT internal AND coalesce(comment, '') = ''"))
                .isEmpty();
    }

    @Test
    void declaresPrimaryAndForeignKeys() throws SQLException {
        assertThat(strings("SELECT table_name || '.' || constraint_column_names[1] FROM duckdb_constraints()"
                        + " WHERE constraint_type = 'PRIMARY KEY' ORDER BY 1"))
                .containsExactly(
                        "categories.category_id",
                        "customers.customer_id",
                        "order_lines.order_line_id",
                        "orders.order_id",
                        "payments.payment_id",
                        "products.product_id",
                        "returns.return_id",
                        "sample_info.key");
        assertThat(strings("SELECT table_name || '.' || constraint_column_names[1] || ' -> ' || referenced_table"
                        + " || '.' || referenced_column_names[1] FROM duckdb_constraints()"
                        + " WHERE constraint_type = 'FOREIGN KEY' ORDER BY 1"))
                .containsExactly(
                        "order_lines.order_id -> orders.order_id",
                        "order_lines.product_id -> products.product_id",
                        "orders.customer_id -> customers.customer_id",
                        "payments.order_id -> orders.order_id",
                        "products.category_id -> categories.category_id",
                        "returns.order_line_id -> order_lines.order_line_id");
    }

    @Test
    void recordsTheGeneratorVersion() {
        assertThat(SampleDatabaseFile.recordedVersion(dir.resolve(SampleDatabase.FILE_NAME)))
                .hasValue(SampleDatabaseFile.GENERATOR_VERSION);
    }

    @Test
    void holdsThreeYearsAndMoreThanAHundredThousandOrderLines() throws SQLException {
        assertThat(number("SELECT count(*) FROM order_lines")).isGreaterThanOrEqualTo(100_000);
        assertThat(number("SELECT count(*) FROM orders")).isGreaterThan(40_000);
        assertThat(number("SELECT count(*) FROM customers")).isGreaterThan(10_000);
        assertThat(number("SELECT count(*) FROM products")).isGreaterThan(200);
        assertThat(number("SELECT count(*) FROM categories")).isEqualTo(Catalog.CATEGORIES.size());
        assertThat(number("SELECT count(*) FROM payments")).isGreaterThan(40_000);
        assertThat(number("SELECT count(*) FROM returns")).isGreaterThan(2_000);
        assertThat(strings("SELECT min(order_date)::VARCHAR || ' ' || max(order_date)::VARCHAR FROM orders"))
                .containsExactly("2022-01-01 2024-12-31");
        assertThat(strings("SELECT DISTINCT year(order_date) FROM orders ORDER BY 1"))
                .containsExactly("2022", "2023", "2024");
    }

    @Test
    void growsYearOverYear() throws SQLException {
        Map<String, Long> orders = keyed("SELECT year(order_date), count(*) FROM orders GROUP BY 1");
        Map<String, Long> revenue = keyed("SELECT year(o.order_date), sum(l.net_amount)::BIGINT FROM orders o"
                + " JOIN order_lines l USING (order_id) WHERE o.status <> 'cancelled' GROUP BY 1");
        System.out.printf("Orders per year %s, revenue per year %s%n", orders, revenue);
        assertThat(orders.get("2023")).isGreaterThan(orders.get("2022") * 11 / 10);
        assertThat(orders.get("2024")).isGreaterThan(orders.get("2023") * 11 / 10);
        assertThat(revenue.get("2023")).isGreaterThan(revenue.get("2022") * 11 / 10);
        assertThat(revenue.get("2024")).isGreaterThan(revenue.get("2023") * 11 / 10);
    }

    @Test
    void novemberAndDecemberAreAboveAverageEveryYear() throws SQLException {
        for (int year = 2022; year <= 2024; year++) {
            Map<String, Long> months = keyed(
                    "SELECT month(order_date), count(*) FROM orders WHERE year(order_date) = " + year + " GROUP BY 1");
            double average = months.values().stream()
                    .mapToLong(Long::longValue)
                    .average()
                    .orElseThrow();
            assertThat(months.get("11")).as("November %d", year).isGreaterThan((long) (average * 1.15));
            assertThat(months.get("12")).as("December %d", year).isGreaterThan((long) (average * 1.15));
            assertThat(months.get("2")).as("February %d", year).isLessThan((long) average);
        }
    }

    @Test
    void sundaysAndMondaysAreBusierThanSaturdays() throws SQLException {
        // ISO day of week: 1 = Monday ... 7 = Sunday.
        Map<String, Long> days = keyed("SELECT isodow(order_date), count(*) FROM orders GROUP BY 1");
        assertThat(days.get("7")).isGreaterThan(days.get("6") * 13 / 10);
        assertThat(days.get("1")).isGreaterThan(days.get("6") * 12 / 10);
    }

    @Test
    void flashSaleWeekIsASpikeAndOutageWeekIsADipInWeeklyOrders() throws SQLException {
        Map<LocalDate, Long> weeks = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT date_trunc('week', order_date)::DATE, count(*)"
                        + " FROM orders GROUP BY 1 ORDER BY 1")) {
            while (rows.next()) {
                weeks.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
            }
        }
        LocalDate sale = SalesCalendar.FLASH_SALE_FIRST_DAY;
        LocalDate outage = SalesCalendar.OUTAGE_FIRST_DAY;
        System.out.printf(
                "Flash sale week %s: %d orders (neighbours' median %d); outage week %s: %d (median %d)%n",
                sale,
                weeks.get(sale),
                neighbourMedian(weeks, sale),
                outage,
                weeks.get(outage),
                neighbourMedian(weeks, outage));
        assertThat(weeks.get(sale)).isGreaterThan(2 * neighbourMedian(weeks, sale));
        assertThat(weeks.get(outage)).isLessThan(neighbourMedian(weeks, outage) / 2);
        // Over the whole history they are the weeks furthest from their surroundings, as a detector would rank them.
        Map<LocalDate, Double> ratios = new LinkedHashMap<>();
        for (LocalDate week : weeks.keySet()) {
            if (weeks.containsKey(week.minusWeeks(4)) && weeks.containsKey(week.plusWeeks(4))) {
                ratios.put(week, weeks.get(week) / (double) neighbourMedian(weeks, week));
            }
        }
        assertThat(ratios.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey())
                .isEqualTo(sale);
        assertThat(ratios.entrySet().stream()
                        .min(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey())
                .isEqualTo(outage);
        // Every consumer line of the sale week got the sale discount.
        assertThat(number("SELECT count(*) FROM order_lines JOIN orders USING (order_id)"
                        + " WHERE order_date BETWEEN DATE '2023-06-12' AND DATE '2023-06-18' AND discount <> 0.30"
                        + " AND customer_id NOT IN (SELECT customer_id FROM customers WHERE segment <> 'Consumer')"))
                .isZero();
    }

    @Test
    void defectiveBatchMakesItsProductsReturnsSpike() throws SQLException {
        String rate = "SELECT count(r.return_id)::DOUBLE / count(*) FROM order_lines l"
                + " JOIN orders o USING (order_id) JOIN products p USING (product_id)"
                + " LEFT JOIN returns r USING (order_line_id)"
                + " WHERE p.name = '" + Catalog.DEFECTIVE_PRODUCT + "' AND o.status = 'delivered' AND ";
        double inBatch = decimal(rate + "o.order_date BETWEEN DATE '2024-08-05' AND DATE '2024-09-01'");
        double otherwise = decimal(rate + "o.order_date NOT BETWEEN DATE '2024-08-05' AND DATE '2024-09-01'");
        assertThat(inBatch).isGreaterThan(5 * otherwise);
    }

    @Test
    void rowsAreConsistentWithEachOther() throws SQLException {
        // Every paid order's payments add up to its lines.
        assertThat(number("SELECT count(*) FROM (SELECT o.order_id, (SELECT sum(net_amount) FROM order_lines l"
                        + " WHERE l.order_id = o.order_id) AS total, (SELECT sum(amount) FROM payments p"
                        + " WHERE p.order_id = o.order_id) AS paid FROM orders o) WHERE paid IS NOT NULL"
                        + " AND paid <> total"))
                .isZero();
        assertThat(number("SELECT count(*) FROM payments JOIN orders USING (order_id) WHERE status = 'cancelled'"))
                .isZero();
        assertThat(number("SELECT count(*) FROM orders o JOIN customers c USING (customer_id)"
                        + " WHERE o.order_date < c.signup_date"))
                .isZero();
        assertThat(number("SELECT count(*) FROM order_lines WHERE net_amount <> round(quantity * unit_price"
                        + " * (1 - discount), 2) AND abs(net_amount - quantity * unit_price * (1 - discount)) > 0.01"))
                .isZero();
        assertThat(number("SELECT count(*) FROM returns r JOIN order_lines l USING (order_line_id)"
                        + " JOIN orders o USING (order_id) WHERE r.returned_at <= o.order_date"
                        + " OR r.returned_at > DATE '2024-12-31' OR r.quantity > l.quantity"
                        + " OR r.refund_amount > l.net_amount OR o.status <> 'delivered'"))
                .isZero();
        assertThat(number("SELECT count(*) FROM payments WHERE paid_at::DATE < (SELECT min(order_date) FROM orders)"
                        + " OR paid_at > TIMESTAMP '2024-12-31 23:59:59'"))
                .isZero();
    }

    @Test
    void namesLookReal() throws SQLException {
        assertThat(strings("SELECT DISTINCT country FROM customers"))
                .contains("United States", "Germany", "Japan", "Brazil");
        assertThat(strings("SELECT DISTINCT city FROM customers WHERE country = 'France'"))
                .contains("Paris", "Lyon");
        assertThat(strings("SELECT name FROM products"))
                .contains(Catalog.DEFECTIVE_PRODUCT, "Practical SQL for Analysts");
        assertThat(number("SELECT count(*) FROM customers WHERE NOT regexp_matches(email, '^[a-z0-9._]+@[a-z.]+$')"))
                .isZero();
    }

    private static long neighbourMedian(Map<LocalDate, Long> weeks, LocalDate week) {
        List<Long> around = new ArrayList<>();
        for (int offset = -4; offset <= 4; offset++) {
            if (offset != 0) {
                around.add(weeks.get(week.plusWeeks(offset)));
            }
        }
        around.sort(Long::compare);
        return (around.get(3) + around.get(4)) / 2;
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long number(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double decimal(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    private static Map<String, Long> keyed(String sql) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                assertThat(seen.add(rows.getString(1))).isTrue();
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return values;
    }
}

package io.datamind.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.schema.SchemaSnapshot;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind of question the offline engine understands, asked of the shop and staff fixtures in SQLite, DuckDB,
 * PostgreSQL and MariaDB: the SQL it writes runs on the real database and returns the right rows.
 */
class OfflineEngineTest {

    private static final SchemaSnapshot SHOP = ShopFixture.shop();
    private static final SchemaSnapshot STAFF = ShopFixture.staff();

    /** Both the shop and the staff tables live in the one database ShopFixture opens. */
    @RegisterExtension
    static final FixtureQuestions SHOP_DATABASE = FixtureQuestions.of(SHOP, ShopFixture::open);

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void countsRowsAndDistinctValues(OfflineDialect dialect) throws SQLException {
        assertThat(rows(dialect, "How many customers are there?")).containsExactly("5");
        assertThat(rows(dialect, "How many different countries do customers come from?"))
                .containsExactly("4");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void sumsAveragesMinimaAndMaxima(OfflineDialect dialect) throws SQLException {
        assertThat(rows(dialect, "What is the total amount of all orders?")).containsExactly("530");
        assertThat(rows(dialect, "What is the average price of products?")).containsExactly("33.75");
        assertThat(rows(dialect, "What are the minimum and maximum prices of products?"))
                .containsExactly("12.5|80");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void readsBuiltInSynonyms(OfflineDialect dialect) throws SQLException {
        // "revenue" is one of the built-in words for an amount of money; "clients" for customers.
        assertThat(rows(dialect, "What is the total revenue of orders?")).containsExactly("530");
        assertThat(rows(dialect, "How many clients are there?")).containsExactly("5");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void groupsByColumnsAndJoinedColumns(OfflineDialect dialect) throws SQLException {
        assertThat(rows(dialect, "Show the number of orders for each status."))
                .containsExactlyInAnyOrder("1|cancelled", "1|pending", "4|shipped");
        assertThat(rows(dialect, "What is the total amount of orders by customer country?"))
                .containsExactlyInAnyOrder("290|France", "200|Germany", "40|Italy");
        assertThat(rows(STAFF, dialect, "How many projects does each employee have?"))
                .containsExactlyInAnyOrder("Mara|1", "Tomas|2", "Ines|1");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void ranksWithLimitsAndSuperlatives(OfflineDialect dialect) throws SQLException {
        assertThat(rows(dialect, "List the names of the top 3 products by price."))
                .containsExactly("Robot", "Shovel", "Atlas");
        assertThat(rows(dialect, "Which product has the highest price?")).containsExactly("Robot");
        // the winner is shown with the count it won by
        assertThat(rows(dialect, "Which customer has the most orders?")).containsExactly("Ada|3");
        assertThat(rows(dialect, "What is the most common category of products?"))
                .containsExactly("Toys");
        assertThat(rows(dialect, "Which status is the most common among orders?"))
                .containsExactly("shipped");
        assertThat(rows(STAFF, dialect, "Which employee has the most projects?"))
                .containsExactly("Tomas|2");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void superlativesOfAnotherEntityGoThroughASubquery(OfflineDialect dialect) throws SQLException {
        OfflineAnswer.Sql sql = answer(STAFF, dialect, "What is the title of the youngest employee's project?");
        assertThat(sql.sql()).contains("(SELECT MIN(");
        // Both projects of the youngest employee, not an arbitrary one of them.
        assertThat(run(dialect, sql.sql())).containsExactlyInAnyOrder("Payroll Audit", "Hiring Drive");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void comparesWithNumbersAndYears(OfflineDialect dialect) throws SQLException {
        assertThat(rows(dialect, "Which products have a price more than 40?"))
                .containsExactlyInAnyOrder("Robot", "Shovel");
        assertThat(rows(dialect, "List products with a price of at least 30."))
                .containsExactlyInAnyOrder("Atlas", "Robot", "Shovel");
        assertThat(rows(dialect, "Which products cost between 15 and 30?"))
                .containsExactlyInAnyOrder("Atlas", "Puzzle", "Kite");
        assertThat(rows(dialect, "How many orders were placed before 2023?")).containsExactly("1");
        assertThat(rows(STAFF, dialect, "List the titles of the projects started after 2020."))
                .containsExactlyInAnyOrder("Office Move", "Hiring Drive");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void filtersOnSampledValues(OfflineDialect dialect) throws SQLException {
        assertThat(rows(dialect, "Which customers are from France?")).containsExactlyInAnyOrder("Ada", "Chloe");
        assertThat(rows(dialect, "List the orders with status shipped.")).containsExactlyInAnyOrder("1", "2", "5", "6");
        assertThat(rows(STAFF, dialect, "What are the titles of projects by employees from Chile?"))
                .containsExactlyInAnyOrder("Office Move", "Intranet");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void negatesWithNotInSubqueries(OfflineDialect dialect) throws SQLException {
        OfflineAnswer.Sql without = answer(SHOP, dialect, "Which customers have no orders?");
        assertThat(without.sql()).contains("NOT IN (SELECT");
        assertThat(run(dialect, without.sql())).containsExactly("Eve");
        assertThat(rows(dialect, "Which products are not in the Books category?"))
                .containsExactlyInAnyOrder("Robot", "Puzzle", "Shovel", "Kite");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void bucketsAndRelativePeriods(OfflineDialect dialect) throws SQLException {
        List<String> byMonth = rows(dialect, "Number of orders by month");
        Set<String> months = new TreeSet<>();
        for (ShopFixture.Order o : ShopFixture.ORDERS) {
            months.add(o.date().getYear() + "-" + o.date().getMonthValue());
        }
        assertThat(byMonth).hasSize(months.size());
        assertThat(byMonth.stream()
                        .mapToInt(r -> Integer.parseInt(r.split("\\|")[0]))
                        .sum())
                .isEqualTo(6);

        assertThat(rows(dialect, "How many orders in the last 30 days?")).containsExactly("2");
        long thisYear = ShopFixture.ORDERS.stream()
                .filter(o -> o.date().getYear() == LocalDate.now().getYear())
                .count();
        assertThat(rows(dialect, "How many orders this year?")).containsExactly(String.valueOf(thisYear));
        assertThat(rows(dialect, "What is the total amount of orders in 2023?")).containsExactly("120");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void listsColumnsAndOrders(OfflineDialect dialect) throws SQLException {
        assertThat(rows(dialect, "What are the names and emails of customers?"))
                .hasSize(5)
                .contains("Ada|ada@example.org", "Eve|eve@example.org");
        assertThat(rows(dialect, "List customers sorted by name in descending order."))
                .containsExactly("Eve", "Dmitri", "Chloe", "Bruno", "Ada");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void joinsAlongForeignKeysThroughBridgeTables(OfflineDialect dialect) throws SQLException {
        OfflineAnswer.Sql sql = answer(SHOP, dialect, "What are the names of customers who ordered the product Robot?");
        // customers -> orders -> order_lines (the bridge) -> products, the shortest path
        assertThat(sql.sql()).contains("order_lines").contains("products");
        assertThat(run(dialect, sql.sql())).containsExactlyInAnyOrder("Ada", "Chloe");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL", "MARIADB", "DUCKDB"})
    void setQuestions(OfflineDialect dialect) throws SQLException {
        OfflineAnswer.Sql both = answer(SHOP, dialect, "Which customers bought both Books and Toys?");
        assertThat(both.sql()).contains(" INTERSECT ");
        assertThat(run(dialect, both.sql())).containsExactlyInAnyOrder("Ada", "Chloe");
        assertThat(rows(dialect, "Which customers bought Toys but not Books?")).containsExactly("Bruno");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static List<String> rows(OfflineDialect dialect, String question) throws SQLException {
        return SHOP_DATABASE.rows(dialect, question);
    }

    private static List<String> rows(SchemaSnapshot schema, OfflineDialect dialect, String question)
            throws SQLException {
        return SHOP_DATABASE.rows(schema, dialect, question);
    }

    private static OfflineAnswer.Sql answer(SchemaSnapshot schema, OfflineDialect dialect, String question) {
        return FixtureQuestions.answer(schema, dialect, question);
    }

    private static List<String> run(OfflineDialect dialect, String sql) throws SQLException {
        return SHOP_DATABASE.run(dialect, sql);
    }
}

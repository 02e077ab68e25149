package io.datamind.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The text of what the engine writes and says: dialect date functions and identifier quoting, explanations,
 * confidence, declines with their reasons, and organization glossaries.
 */
class OfflineSqlTextTest {

    private static final OfflineEngine ENGINE = new OfflineEngine();
    private static final SchemaSnapshot SHOP = ShopFixture.shop();

    private static String sql(OfflineDialect dialect, String question) {
        return FixtureQuestions.answer(SHOP, dialect, question).sql();
    }

    @Test
    void timeBucketsUseEachDialectsDateFunctions() {
        String question = "Number of orders by month";
        assertThat(sql(OfflineDialect.POSTGRESQL, question)).contains("to_char(order_date, 'YYYY-MM')");
        assertThat(sql(OfflineDialect.DUCKDB, question)).contains("strftime(order_date, '%Y-%m')");
        assertThat(sql(OfflineDialect.MYSQL, question)).contains("DATE_FORMAT(order_date, '%Y-%m')");
        assertThat(sql(OfflineDialect.MARIADB, question)).contains("DATE_FORMAT(order_date, '%Y-%m')");
        assertThat(sql(OfflineDialect.SQLITE, question)).contains("strftime('%Y-%m', order_date)");

        String quarterly = "What is the total amount of orders by quarter?";
        assertThat(sql(OfflineDialect.POSTGRESQL, quarterly)).contains("to_char(order_date, 'YYYY-\"Q\"Q')");
        assertThat(sql(OfflineDialect.MYSQL, quarterly)).contains("QUARTER(order_date)");
        assertThat(sql(OfflineDialect.SQLITE, "Show the weekly number of orders."))
                .contains("strftime('%Y-W%W'");
    }

    @Test
    void yearsAndRelativePeriodsUseEachDialectsDateFunctions() {
        String year = "What is the total amount of orders in 2023?";
        assertThat(sql(OfflineDialect.POSTGRESQL, year))
                .isEqualTo("SELECT SUM(amount) AS total_amount FROM orders WHERE EXTRACT(YEAR FROM order_date) = 2023");
        assertThat(sql(OfflineDialect.MYSQL, year)).contains("YEAR(order_date) = 2023");
        assertThat(sql(OfflineDialect.SQLITE, year)).contains("CAST(strftime('%Y', order_date) AS INTEGER) = 2023");
        assertThat(sql(OfflineDialect.DUCKDB, year)).contains("year(order_date) = 2023");

        String last = "How many orders in the last 30 days?";
        assertThat(sql(OfflineDialect.POSTGRESQL, last)).contains("CURRENT_DATE - INTERVAL '30 days'");
        assertThat(sql(OfflineDialect.MYSQL, last)).contains("CURRENT_DATE - INTERVAL 30 DAY");
        assertThat(sql(OfflineDialect.SQLITE, last)).contains("date(date('now'), '-30 days')");
        assertThat(sql(OfflineDialect.POSTGRESQL, "How many orders this year?"))
                .contains("order_date >= CAST(date_trunc('year', CURRENT_DATE) AS DATE)");
        assertThat(sql(OfflineDialect.SQLITE, "How many orders last month?")).contains("date('now', 'start of month')");
    }

    @Test
    void quotesIdentifiersOnlyWhereTheDialectNeedsIt() {
        SchemaSnapshot mixed = new SchemaSnapshot(
                UUID.randomUUID(),
                Instant.now(),
                List.of(new TableInfo(
                        null,
                        "SalesOrders",
                        "TABLE",
                        null,
                        null,
                        List.of(
                                new ColumnInfo("OrderId", "INTEGER", "integer", false, 1, null, List.of()),
                                new ColumnInfo("Order Total", "DECIMAL", "number", true, 2, null, List.of()),
                                new ColumnInfo("order", "INTEGER", "integer", true, 3, null, List.of())),
                        List.of("OrderId"),
                        List.of())));
        String question = "What is the total order total of sales orders?";
        assertThat(FixtureQuestions.answer(mixed, OfflineDialect.POSTGRESQL, question)
                        .sql())
                .isEqualTo("SELECT SUM(\"Order Total\") AS total_order_total FROM \"SalesOrders\"");
        assertThat(FixtureQuestions.answer(mixed, OfflineDialect.SQLITE, question)
                        .sql())
                .isEqualTo("SELECT SUM(\"Order Total\") AS total_order_total FROM SalesOrders");
        assertThat(FixtureQuestions.answer(mixed, OfflineDialect.MYSQL, question)
                        .sql())
                .isEqualTo("SELECT SUM(`Order Total`) AS total_order_total FROM SalesOrders");
    }

    @Test
    void explainsHowTheQuestionWasRead() {
        assertThat(FixtureQuestions.answer(
                                SHOP, OfflineDialect.POSTGRESQL, "Show the number of orders for each status.")
                        .explanation())
                .isEqualTo("Counting orders, grouped by status");
        assertThat(FixtureQuestions.answer(
                                SHOP, OfflineDialect.POSTGRESQL, "How many orders in 2023 by customer country?")
                        .explanation())
                .isEqualTo("Counting orders, grouped by country, joining customers, for 2023");
        assertThat(FixtureQuestions.answer(SHOP, OfflineDialect.POSTGRESQL, "Which products have a price more than 40?")
                        .explanation())
                .isEqualTo("Listing name of products, where price above 40");
    }

    @Test
    void fullyUnderstoodQuestionsAreConfident() {
        assertThat(FixtureQuestions.answer(SHOP, OfflineDialect.SQLITE, "How many customers are there?")
                        .confidence())
                .isEqualTo(1.0);
        // A verb that only restates where customers are is accepted, with a little less confidence.
        OfflineAnswer.Sql lives =
                FixtureQuestions.answer(SHOP, OfflineDialect.SQLITE, "How many customers live in Paris?");
        assertThat(lives.sql()).isEqualTo("SELECT COUNT(*) AS number_of_customers FROM customers WHERE city = 'Paris'");
        assertThat(lives.confidence()).isLessThan(1.0).isGreaterThanOrEqualTo(OfflineEngine.THRESHOLD);
        // The sampled cities are all known and Oslo is not one of them: the reading must be wrong.
        OfflineAnswer oslo =
                ENGINE.translate("How many customers live in city Oslo?", SHOP, OfflineDialect.SQLITE, Map.of());
        assertThat(((OfflineAnswer.Declined) oslo).reason()).contains("'Oslo' is not a value of customers.city");
    }

    @Test
    void declinesWhatItCannotMapAndSaysWhy() {
        OfflineAnswer unrelated =
                ENGINE.translate("What is the meaning of life?", SHOP, OfflineDialect.SQLITE, Map.of());
        assertThat(unrelated).isInstanceOf(OfflineAnswer.Declined.class);
        OfflineAnswer.Declined declined = (OfflineAnswer.Declined) unrelated;
        assertThat(declined.reason()).contains("'meaning'", "'life'");
        assertThat(declined.suggestion()).contains("glossary").contains("LLM");

        OfflineAnswer unknownWord =
                ENGINE.translate("How many unicorns are there?", SHOP, OfflineDialect.SQLITE, Map.of());
        assertThat(((OfflineAnswer.Declined) unknownWord).reason()).contains("'unicorns'");

        // Known tables, but part of the question is not understood: no guessing.
        OfflineAnswer partly = ENGINE.translate(
                "Which customers complained about late deliveries?", SHOP, OfflineDialect.SQLITE, Map.of());
        assertThat(partly).isInstanceOf(OfflineAnswer.Declined.class);
        assertThat(((OfflineAnswer.Declined) partly).reason()).contains("'complained'");

        // Two different keys between the same tables and nothing saying which: ambiguous.
        assertThat(ENGINE.translate(
                        "How many flights are there per airport?", flights(), OfflineDialect.SQLITE, Map.of()))
                .isInstanceOf(OfflineAnswer.Declined.class);

        assertThat(ENGINE.translate("  ", SHOP, OfflineDialect.SQLITE, Map.of()))
                .isInstanceOf(OfflineAnswer.Declined.class);
        SchemaSnapshot empty = new SchemaSnapshot(UUID.randomUUID(), Instant.now(), List.of());
        assertThat(((OfflineAnswer.Declined)
                                ENGINE.translate("How many orders?", empty, OfflineDialect.SQLITE, Map.of()))
                        .suggestion())
                .contains("Sync the schema");
    }

    @Test
    void aNamedKeyNeedsNoGuessBetweenTwoKeys() {
        // The key column itself is named: no join, so no choice between origin and destination.
        assertThat(FixtureQuestions.answer(
                                flights(), OfflineDialect.SQLITE, "How many flights are there per destination airport?")
                        .sql())
                .isEqualTo(
                        "SELECT COUNT(*) AS number_of_flights, destination_airport FROM flights GROUP BY destination_airport");
        // Airport names need a join, and the question does not say along which key.
        OfflineAnswer byName = ENGINE.translate(
                "How many flights are there per airport name?", flights(), OfflineDialect.SQLITE, Map.of());
        assertThat(((OfflineAnswer.Declined) byName).reason()).contains("two different keys");
    }

    @Test
    void organizationGlossaryAddsWords() {
        assertThat(ENGINE.translate("How many patrons are there?", SHOP, OfflineDialect.SQLITE, Map.of()))
                .isInstanceOf(OfflineAnswer.Declined.class);
        OfflineAnswer withTable = ENGINE.translate(
                "How many patrons are there?", SHOP, OfflineDialect.SQLITE, Map.of("patron", "customers"));
        assertThat(((OfflineAnswer.Sql) withTable).sql())
                .isEqualTo("SELECT COUNT(*) AS number_of_customers FROM customers");
        OfflineAnswer withColumn = ENGINE.translate(
                "What is the total takings of orders?",
                SHOP,
                OfflineDialect.SQLITE,
                Map.of("takings", "orders.amount"));
        assertThat(((OfflineAnswer.Sql) withColumn).sql()).isEqualTo("SELECT SUM(amount) AS total_amount FROM orders");
    }

    @Test
    void splitsSchemaNamesAndFoldsWordForms() {
        assertThat(Words.splitIdentifier("Order_ship_date")).containsExactly("order", "ship", "date");
        assertThat(Words.splitIdentifier("CustomerName")).containsExactly("customer", "name");
        assertThat(Words.splitIdentifier("HTMLParser2")).containsExactly("html", "parser", "2");
        assertThat(Words.singular("cities")).isEqualTo("city");
        assertThat(Words.singular("addresses")).isEqualTo("address");
        assertThat(Words.singular("people")).isEqualTo("person");
        assertThat(Words.singular("status")).isEqualTo("status");
        assertThat(Words.root("founded")).isEqualTo(Words.root("founding"));
        assertThat(Words.root("ranking")).isEqualTo(Words.root("ranked"));
    }

    /** Flights with an origin and a destination airport: two keys to the same table. */
    private static SchemaSnapshot flights() {
        return new SchemaSnapshot(
                UUID.randomUUID(),
                Instant.now(),
                List.of(
                        new TableInfo(
                                null,
                                "airports",
                                "TABLE",
                                null,
                                null,
                                List.of(
                                        new ColumnInfo("code", "VARCHAR(3)", "text", false, 1, null, List.of()),
                                        new ColumnInfo("name", "VARCHAR(100)", "text", true, 2, null, List.of())),
                                List.of("code"),
                                List.of()),
                        new TableInfo(
                                null,
                                "flights",
                                "TABLE",
                                null,
                                null,
                                List.of(
                                        new ColumnInfo("id", "INTEGER", "integer", false, 1, null, List.of()),
                                        new ColumnInfo(
                                                "origin_airport", "VARCHAR(3)", "text", true, 2, null, List.of()),
                                        new ColumnInfo(
                                                "destination_airport", "VARCHAR(3)", "text", true, 3, null, List.of())),
                                List.of("id"),
                                List.of(
                                        new ForeignKey(
                                                null, List.of("origin_airport"), null, "airports", List.of("code")),
                                        new ForeignKey(
                                                null,
                                                List.of("destination_airport"),
                                                null,
                                                "airports",
                                                List.of("code"))))));
    }
}

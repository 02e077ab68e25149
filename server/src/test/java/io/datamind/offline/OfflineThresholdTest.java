package io.datamind.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The decline threshold, set on these questions of our own (never on a benchmark): every question the shop schema
 * can answer and the engine reads right scores at or above it, every question about things the schema does not
 * hold scores below it.
 */
class OfflineThresholdTest {

    private static final OfflineEngine ENGINE = new OfflineEngine();

    /** Answerable, and read correctly by the engine (their rows are checked in {@link OfflineEngineTest}). */
    private static final List<String> UNDERSTOOD = List.of(
            "How many customers are there?",
            "How many different countries do customers come from?",
            "What is the total amount of all orders?",
            "What is the average price of products?",
            "Show the number of orders for each status.",
            "What is the total amount of orders by customer country?",
            "List the names of the top 3 products by price.",
            "Which customer has the most orders?",
            "Which products cost between 15 and 30?",
            "How many orders were placed before 2023?",
            "Which customers have no orders?",
            "Which products are not in the Books category?",
            "Number of orders by month",
            "How many orders in the last 30 days?",
            "What are the names and emails of customers?",
            "List customers sorted by name in descending order.",
            "What are the names of customers who ordered the product Robot?",
            "Which customers bought both Books and Toys?",
            "Which customers bought Toys but not Books?",
            "How many customers live in Paris?");

    /** About things the shop schema does not hold, or values it cannot have. */
    private static final List<String> NOT_ANSWERABLE = List.of(
            "What is the profit margin of products?",
            "Show the warehouse stock of products.",
            "Which supplier delivers the most products?",
            "What is the average delivery time of orders?",
            "List employees hired last year.",
            "How many customers live in city Oslo?",
            "Which customers complained about late deliveries?",
            "What is the weather like in Paris?",
            "Which products are eco friendly?",
            "How many customers have a loyalty card?",
            "Show the discount of each order.",
            "Rank customers by satisfaction.",
            "What share of orders were refunded?",
            "Which customers churned?");

    @Test
    void thresholdSeparatesUnderstoodFromUnanswerableQuestions() {
        for (String q : UNDERSTOOD) {
            OfflineAnswer a = ENGINE.translate(q, ShopFixture.shop(), OfflineDialect.POSTGRESQL, Map.of());
            assertThat(a).as(q).isInstanceOf(OfflineAnswer.Sql.class);
            assertThat(((OfflineAnswer.Sql) a).confidence()).as(q).isGreaterThanOrEqualTo(OfflineEngine.THRESHOLD);
        }
        for (String q : NOT_ANSWERABLE) {
            OfflineAnswer a = ENGINE.translate(q, ShopFixture.shop(), OfflineDialect.POSTGRESQL, Map.of());
            assertThat(a).as(q).isInstanceOf(OfflineAnswer.Declined.class);
        }
    }
}

package io.datamind.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an answer about a business schema shows, run on the trade fixture in SQLite and PostgreSQL: entities by their
 * name rather than their key, time buckets with their totals, and the measure a ranking or a sort is by.
 */
class OfflineBusinessAnswerTest {

    @RegisterExtension
    static final FixtureQuestions TRADE = FixtureQuestions.of(TradeFixture.snapshot(), TradeFixture::open);

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void listsEntitiesByTheirName(OfflineDialect dialect) throws SQLException {
        // company_name, not contact_name: the contact's columns (contact_title) make it another party's name
        assertThat(TRADE.rows(dialect, "Which clients are in Oslo?"))
                .containsExactlyInAnyOrder("Blue Harbor Ltd", "Delta Foods");
        // ship_name belongs with ship_city: an order has no name of its own, so it is shown by its key
        assertThat(TRADE.sql(dialect, "List the orders with freight over 50")).doesNotContain("ship_name");
        assertThat(TRADE.rows(dialect, "List the orders with freight over 50"))
                .first()
                .asString()
                .startsWith("2");
        // no name column: the text column whose sampled values name each row
        assertThat(TRADE.rows(dialect, "List the teams")).containsExactlyInAnyOrder("Falcons", "Otters", "Wolves");
        // asking for ids keeps the key
        assertThat(TRADE.rows(dialect, "What are the ids of clients in Oslo?")).containsExactlyInAnyOrder("1", "3");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void bucketsTotalTheirMeasureOrCountRows(OfflineDialect dialect) throws SQLException {
        // the amount is summed per period, never shown unaggregated beside the GROUP BY
        assertThat(TRADE.rows(dialect, "Total freight by year")).containsExactlyInAnyOrder("195|2023", "105|2024");
        assertThat(TRADE.rows(dialect, "monthly freight"))
                .containsExactly("2023-01|20", "2023-02|115", "2023-05|60", "2024-01|15", "2024-08|90");
        assertThat(TRADE.rows(dialect, "quarterly freight"))
                .containsExactly("2023-Q1|135", "2023-Q2|60", "2024-Q1|15", "2024-Q3|90");
        // no measure: rows are counted
        assertThat(TRADE.rows(dialect, "orders per year")).containsExactlyInAnyOrder("2023|4", "2024|2");
        // within one year the month of the year is enough
        assertThat(TRADE.rows(dialect, "freight per month in 2023")).containsExactly("20|1", "115|2", "60|5");
        // the verb names which of the two dates to bucket
        assertThat(TRADE.rows(dialect, "Number of staff hired per year")).containsExactlyInAnyOrder("1|2019", "2|2021");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void rankingsAndSortsShowWhatTheyAreBy(OfflineDialect dialect) throws SQLException {
        assertThat(TRADE.rows(dialect, "top 2 clients by number of orders"))
                .containsExactly("Blue Harbor Ltd|3", "Delta Foods|2");
        assertThat(TRADE.rows(dialect, "Which client has the most orders?")).containsExactly("Blue Harbor Ltd|3");
        // the count is named for what it counts
        assertThat(TRADE.sql(dialect, "top 2 clients by number of orders")).contains("COUNT(*) AS number_of_orders");
        assertThat(TRADE.rows(dialect, "List the staff sorted by hire date"))
                .containsExactly("Rosa|Vidal|2019-05-01", "Lena|Kraus|2021-01-04", "Omar|Haddad|2021-09-15");
        // the question names what to show: only that
        assertThat(TRADE.rows(dialect, "What are the last names of staff sorted by hire date?"))
                .containsExactly("Vidal", "Kraus", "Haddad");
    }
}

package io.datamind.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Readings that went wrong on schemas the engine was not built on, each as a general rule checked on the garden
 * fixture in SQLite and PostgreSQL: which column a value belongs to, what a business measure or a verb of paying
 * sums, ranges of superlatives, counts of groups, set differences of a shared column, and rows filed under a
 * category named on its own.
 */
class OfflineNewSchemaReadingTest {

    @RegisterExtension
    static final FixtureQuestions GARDEN = FixtureQuestions.confident(GardenFixture.snapshot(), GardenFixture::open);

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void valuesBelongToTheTableTheQuestionIsAbout(OfflineDialect dialect) throws SQLException {
        // Bergen is only among the clerks' sampled cities; the buyers' own city (not sampled) is meant, not the
        // buyers served by a clerk from Bergen
        assertThat(GARDEN.sql(dialect, "Which buyers are located in Bergen?")).doesNotContain("clerks");
        assertThat(GARDEN.rows(dialect, "Which buyers are located in Bergen?")).containsExactly("Fjord Florist");
        // "Norwegian buyers": the buyer's country, not the receipt's ship_country, which also holds Norway
        assertThat(GARDEN.sql(dialect, "How many receipts of Norwegian buyers are there?"))
                .doesNotContain("ship_country");
        assertThat(GARDEN.rows(dialect, "How many receipts of Norwegian buyers are there?"))
                .containsExactly("4");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void businessMeasuresAndPayingVerbsSumTheAmount(OfflineDialect dialect) throws SQLException {
        assertThat(GARDEN.rows(dialect, "What were our sales to Norwegian buyers in 2024?"))
                .containsExactly("78");
        assertThat(GARDEN.rows(dialect, "How much did each buyer spend?"))
                .containsExactlyInAnyOrder("Fjord Florist|85", "Andes Garden|45", "Nordic Leaf|30.5");
        assertThat(GARDEN.rows(dialect, "How much did Peruvian buyers spend in total?"))
                .containsExactly("45");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void superlativesReadAsRangesAndPairs(OfflineDialect dialect) throws SQLException {
        // "from cheapest to most expensive" is an order, not "the cheapest"
        assertThat(GARDEN.rows(dialect, "List the plants from cheapest to most expensive"))
                .containsExactly("Maidenhair|9", "Boston Fern|12.5", "Areca|30", "Saguaro|45");
        assertThat(GARDEN.rows(dialect, "What are the earliest and latest receipt dates?"))
                .containsExactly("2023-03-05|2024-09-01");
        // "the highest plant price" is the plants' price, not the plant with the most rows
        assertThat(GARDEN.rows(dialect, "What is the highest plant price?")).containsExactly("45");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void countsOfTablesAndOfGroups(OfflineDialect dialect) throws SQLException {
        assertThat(GARDEN.rows(dialect, "plant count per family"))
                .containsExactlyInAnyOrder("Ferns|2", "Palms|1", "Cacti|1");
        // one number: the buyers that pass the condition, not one row per buyer
        assertThat(GARDEN.rows(dialect, "How many buyers have at least 2 receipts?"))
                .containsExactly("2");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void contactColumnsAreNotCountsOrAddresses(OfflineDialect dialect) throws SQLException {
        assertThat(GARDEN.rows(dialect, "names and phone numbers of growers"))
                .containsExactlyInAnyOrder("Green Acre|555-0101", "Sun Farm|555-0102");
        assertThat(GARDEN.rows(dialect, "What are the email addresses of growers?"))
                .containsExactlyInAnyOrder("green@acre.test", "sun@farm.test");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void setDifferenceOfASharedColumn(OfflineDialect dialect) throws SQLException {
        // the cities themselves, not buyers unrelated to growers through the keys
        assertThat(GARDEN.sql(dialect, "Which cities have buyers but no growers?"))
                .contains("EXCEPT");
        assertThat(GARDEN.rows(dialect, "Which cities have buyers but no growers?"))
                .containsExactlyInAnyOrder("Bergen", "Cusco", "Quito");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void aCategoryNamedAloneListsTheRowsFiledUnderIt(OfflineDialect dialect) throws SQLException {
        assertThat(GARDEN.rows(dialect, "Show me all ferns")).containsExactlyInAnyOrder("Boston Fern", "Maidenhair");
        assertThat(GARDEN.rows(dialect, "ferns sorted by name")).containsExactly("Boston Fern", "Maidenhair");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void namesMeetTheRightTable(OfflineDialect dialect) throws SQLException {
        // "Florist" is a clerk's title and a buyer's contact_title: the bare title is the entity's own
        assertThat(GARDEN.rows(dialect, "Who are our florists?")).containsExactly("Ida|Lund");
        // "packer" names the packers table: the receipts' pack_name (a clipped "packer") does not take it
        assertThat(GARDEN.rows(dialect, "Packer names and phone numbers"))
                .containsExactlyInAnyOrder("Swift Pack|555-0201", "Box Bros|555-0202");
        // "with their growers": the related rows' names beside the plants
        assertThat(GARDEN.rows(dialect, "List the plants in the Ferns family with their growers"))
                .containsExactlyInAnyOrder("Boston Fern|Green Acre", "Maidenhair|Sun Farm");
        // a measure named twice is summed once per month, not shown again unsummed
        assertThat(GARDEN.rows(dialect, "Show monthly sales totals"))
                .containsExactly("2023-03|25", "2023-11|12.5", "2024-02|60", "2024-06|45", "2024-09|18");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void monthsAndQuartersOfAYear(OfflineDialect dialect) throws SQLException {
        assertThat(GARDEN.rows(dialect, "How many receipts in February 2024?")).containsExactly("1");
        assertThat(GARDEN.rows(dialect, "total amount of receipts in the first quarter of 2023"))
                .containsExactly("25");
        assertThat(GARDEN.rows(dialect, "How many receipts in Q3 2024?")).containsExactly("1");
        assertThat(GARDEN.explanation(dialect, "How many receipts in February 2024?"))
                .contains("in month 2");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void aTradeVerbRestatesTheMeasureSummed(OfflineDialect dialect) throws SQLException {
        assertThat(GARDEN.rows(dialect, "What is the total quantity sold per plant?"))
                .containsExactlyInAnyOrder("Boston Fern|3", "Maidenhair|1", "Areca|1", "Saguaro|3");
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void weakReadingsDecline(OfflineDialect dialect) {
        // the manager is another clerk: it would take the table joined to itself, so no key is shown instead
        GARDEN.assertDeclined(dialect, "Who does Per Dahl report to?", "joined to itself");
        // amounts in dollars are no years of a date
        GARDEN.assertDeclined(dialect, "How many receipts are between $10 and $50?", "between");
        // "US" is a name nothing in the schema holds, not the pronoun
        GARDEN.assertDeclined(dialect, "names of buyers in the US", "us");
    }
}

package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlExtractorTest {

    @Test
    void readsTheTaggedFormat() {
        Draft draft = SqlExtractor.extract("<reasoning>Sum per country.</reasoning>\n<sql>\nSELECT country, SUM(x)"
                + " FROM t GROUP BY country;\n</sql>\n<chart> Horizontal Bar </chart>");
        assertThat(draft)
                .isEqualTo(new Draft.Sql(
                        "SELECT country, SUM(x) FROM t GROUP BY country", "Sum per country.", "horizontal_bar"));
    }

    @Test
    void readsAFenceInsideTheTagAndAnUnclosedTag() {
        assertThat(((Draft.Sql) SqlExtractor.extract("<sql>```sql\nSELECT 1\n```</sql>")).sql())
                .isEqualTo("SELECT 1");
        assertThat(((Draft.Sql) SqlExtractor.extract("<sql>\nSELECT a FROM t WHERE b > 2")).sql())
                .as("an answer cut off at the token limit")
                .isEqualTo("SELECT a FROM t WHERE b > 2");
    }

    @Test
    void prefersTheSqlFenceAndTakesTheProseBeforeAsReasoning() {
        Draft.Sql draft = (Draft.Sql) SqlExtractor.extract("I count the orders per status.\n\n```text\nnot this\n```\n"
                + "```SQL\nSELECT status, COUNT(*) FROM orders GROUP BY status\n```\nHope this helps!");
        assertThat(draft.sql()).isEqualTo("SELECT status, COUNT(*) FROM orders GROUP BY status");
        assertThat(draft.reasoning()).isEqualTo("I count the orders per status.");
        assertThat(draft.chart()).isNull();
    }

    @Test
    void findsBareSqlAmongProse() {
        Draft.Sql select = (Draft.Sql) SqlExtractor.extract(
                "Here is the query:\nSELECT name\nFROM customers\nWHERE country = 'France';\n\nIt lists French names.");
        assertThat(select.sql()).isEqualTo("SELECT name\nFROM customers\nWHERE country = 'France'");
        assertThat(select.reasoning()).isEqualTo("Here is the query:");
        Draft.Sql with =
                (Draft.Sql) SqlExtractor.extract("With a CTE:\nWITH totals AS (SELECT 1 AS n)\nSELECT n FROM totals");
        assertThat(with.sql()).isEqualTo("WITH totals AS (SELECT 1 AS n)\nSELECT n FROM totals");
    }

    @Test
    void aDeclineOrNothingUsable() {
        assertThat(SqlExtractor.extract("<decline>The schema has no weather data.</decline>"))
                .isEqualTo(new Draft.Declined("The schema has no weather data."));
        assertThat(((Draft.Sql) SqlExtractor.extract("I am not sure what you mean.")).sql())
                .isNull();
        assertThat(((Draft.Sql) SqlExtractor.extract(null)).sql()).isNull();
    }
}

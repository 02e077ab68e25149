package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.query.QueryResult;
import io.datamind.query.ResultColumn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartPointsTest {

    private static final ResultColumn DAY = new ResultColumn("day", "date", "date");
    private static final ResultColumn REGION = new ResultColumn("region", "text", "varchar");
    private static final ResultColumn ID = new ResultColumn("id", "integer", "int8");
    private static final ResultColumn REVENUE = new ResultColumn("revenue", "number", "numeric");

    private static QueryResult result(List<ResultColumn> columns, List<List<Object>> rows) {
        return new QueryResult(columns, rows, rows.size(), false, 1);
    }

    /** One row per day and region, days in order. */
    private static List<List<Object>> daily(int days, List<String> regions) {
        List<List<Object>> rows = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (String region : regions) {
                rows.add(List.of(d, LocalDate.of(2020, 1, 1).plusDays(d).toString(), region, d * 10));
            }
        }
        return rows;
    }

    @Test
    void aSmallResultIsDrawnWholeFromTheChartsOwnColumns() {
        List<List<Object>> rows = daily(365, List.of("north"));
        ChartSpec spec = ChartPoints.attach(
                new ChartSpec("line", "day", List.of("revenue"), null, "Revenue"),
                result(List.of(ID, DAY, REGION, REVENUE), rows));
        ChartData data = spec.data();
        assertThat(data.sampling()).isEqualTo(ChartData.ALL);
        assertThat(data.rowCount()).isEqualTo(365);
        assertThat(data.columns()).extracting(ChatAnswer.Column::name).containsExactly("day", "revenue");
        assertThat(data.rows()).hasSize(365);
        assertThat(data.rows().get(364)).containsExactly("2020-12-30", 3640);
    }

    @Test
    void aLongLineKeepsEveryNthDayWithAllItsSeriesAndTheLastDay() {
        List<List<Object>> rows = daily(3_001, List.of("north", "south"));
        ChartSpec spec = ChartPoints.attach(
                new ChartSpec("line", "day", List.of("revenue"), "region", null),
                result(List.of(ID, DAY, REGION, REVENUE), rows),
                1_000);
        ChartData data = spec.data();
        assertThat(data.sampling()).isEqualTo(ChartData.EVENLY_SPACED);
        assertThat(data.rowCount()).isEqualTo(6_002);
        assertThat(data.rows().size()).as("about as many as fit").isBetween(800, 1_000);
        assertThat(data.rows().size() % 2).as("both regions of every day kept").isZero();
        assertThat(data.rows().get(0)).containsExactly("2020-01-01", "north", 0);
        assertThat(data.rows().get(data.rows().size() - 1))
                .containsExactly(LocalDate.of(2020, 1, 1).plusDays(3_000).toString(), "south", 30_000);
    }

    @Test
    void barsKeepTheFirstRowsAndTablesHaveNoData() {
        List<List<Object>> rows = daily(50, List.of("north"));
        QueryResult result = result(List.of(ID, DAY, REGION, REVENUE), rows);
        ChartData bars = ChartPoints.attach(
                        new ChartSpec("horizontal_bar", "day", List.of("revenue"), null, null), result, 20)
                .data();
        assertThat(bars.sampling()).isEqualTo(ChartData.FIRST_ROWS);
        assertThat(bars.rows()).hasSize(20);
        assertThat(bars.rows().get(19)).containsExactly("2020-01-20", 190);
        ChartData scatter = ChartPoints.attach(
                        new ChartSpec("scatter", "id", List.of("revenue"), null, null), result, 20)
                .data();
        assertThat(scatter.sampling()).isEqualTo(ChartData.EVENLY_SPACED);
        assertThat(scatter.rows()).hasSize(17).first().isEqualTo(List.of(0, 0));
        assertThat(ChartPoints.attach(new ChartSpec("table", null, List.of(), null, null), result)
                        .data())
                .isNull();
    }
}

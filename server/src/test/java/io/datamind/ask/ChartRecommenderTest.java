package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.query.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartRecommenderTest {

    static ResultColumn text(String name) {
        return new ResultColumn(name, "text", "varchar");
    }

    static ResultColumn number(String name) {
        return new ResultColumn(name, "number", "numeric");
    }

    static ResultColumn integer(String name) {
        return new ResultColumn(name, "integer", "int8");
    }

    static ChartSpec chart(List<ResultColumn> columns, List<List<Object>> rows, String question, String suggested) {
        return ChartRecommender.recommend(columns, rows, question, suggested);
    }

    @Test
    void aSingleNumberIsAKpi() {
        ChartSpec spec = chart(List.of(integer("orders")), List.of(List.of(50419)), "How many orders?", null);
        assertThat(spec).isEqualTo(new ChartSpec("kpi", null, List.of("orders"), null, "How many orders"));
    }

    @Test
    void timeWithMeasuresIsALine() {
        List<ResultColumn> columns = List.of(new ResultColumn("month", "date", "date"), number("revenue"));
        List<List<Object>> rows = List.of(List.of("2024-01-01", 10), List.of("2024-02-01", 12));
        assertThat(chart(columns, rows, "revenue by month", null).type()).isEqualTo("line");
        List<ResultColumn> textMonths = List.of(text("period"), number("revenue"), number("cost"));
        ChartSpec spec = chart(textMonths, List.of(List.of("2024-01", 1, 2), List.of("2024-02", 2, 3)), "q", null);
        assertThat(spec.type()).isEqualTo("line");
        assertThat(spec.y()).containsExactly("revenue", "cost");
        List<ResultColumn> years = List.of(number("year"), number("revenue"));
        assertThat(chart(years, List.of(List.of(2023.0, 5), List.of(2024.0, 6)), "q", null)
                        .type())
                .isEqualTo("line");
    }

    @Test
    void aCategoryWithAMeasureIsABarHorizontalForManyOrLongLabels() {
        List<ResultColumn> columns = List.of(text("status"), integer("orders"));
        List<List<Object>> few = List.of(List.of("shipped", 5), List.of("delivered", 9));
        assertThat(chart(columns, few, "orders by status", null).type()).isEqualTo("bar");
        assertThat(chart(columns, List.of(List.of("Auralis Pro Wireless Earbuds", 5), List.of("b", 1)), "q", null)
                        .type())
                .isEqualTo("horizontal_bar");
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(List.of("c" + i, i));
        }
        assertThat(chart(columns, many, "q", null).type()).isEqualTo("horizontal_bar");
    }

    @Test
    void aShareOfATotalInFewPartsMayBeAPie() {
        List<ResultColumn> columns = List.of(text("channel"), number("revenue"));
        List<List<Object>> rows = List.of(List.of("web", 5), List.of("mobile_app", 3), List.of("marketplace", 2));
        assertThat(chart(columns, rows, "Share of revenue by channel", null).type())
                .isEqualTo("pie");
        assertThat(chart(columns, rows, "Revenue by channel", null).type()).isEqualTo("bar");
        List<List<Object>> negative = List.of(List.of("web", 5), List.of("mobile_app", -3));
        assertThat(chart(columns, negative, "Share of revenue by channel", null).type())
                .isEqualTo("bar");
    }

    @Test
    void twoCategoriesAndAMeasureAreGroupedOrStacked() {
        List<ResultColumn> columns = List.of(text("country"), text("segment"), integer("customers"));
        List<List<Object>> rows = List.of(List.of("DE", "Consumer", 5), List.of("DE", "Enterprise", 2));
        ChartSpec grouped = chart(columns, rows, "q", null);
        assertThat(grouped.type()).isEqualTo("grouped_bar");
        assertThat(grouped.series()).isEqualTo("segment");
        List<List<Object>> manySeries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            manySeries.add(List.of("DE", "s" + i, i));
        }
        assertThat(chart(columns, manySeries, "q", null).type()).isEqualTo("stacked_bar");
    }

    @Test
    void twoMeasuresAreAScatterAndTheRestATable() {
        List<ResultColumn> columns = List.of(number("price"), number("cost"));
        assertThat(chart(columns, List.of(List.of(1, 2), List.of(3, 4)), "q", null)
                        .type())
                .isEqualTo("scatter");
        List<ResultColumn> listing = List.of(text("name"), text("email"), text("city"));
        assertThat(chart(listing, List.of(List.of("a", "b", "c")), "q", null).type())
                .isEqualTo("table");
        assertThat(chart(List.of(integer("n")), List.of(), "q", null).type()).isEqualTo("table");
        List<ResultColumn> keys = List.of(integer("customer_id"), number("total"));
        assertThat(chart(keys, List.of(List.of(1, 2.5), List.of(2, 3.5)), "q", null)
                        .type())
                .as("an id column is a category, not a measure")
                .isEqualTo("bar");
    }

    @Test
    void aSuggestedChartIsUsedOnlyWhenItFits() {
        List<ResultColumn> columns = List.of(text("channel"), number("revenue"));
        List<List<Object>> rows = List.of(List.of("web", 5), List.of("mobile_app", 3));
        assertThat(chart(columns, rows, "Revenue by channel", "pie").type()).isEqualTo("pie");
        assertThat(chart(columns, rows, "Revenue by channel", "table").type()).isEqualTo("table");
        assertThat(chart(columns, rows, "Revenue by channel", "scatter").type())
                .as("one measure cannot be a scatter")
                .isEqualTo("bar");
        assertThat(chart(columns, rows, "Revenue by channel", "kpi").type()).isEqualTo("bar");
        assertThat(chart(columns, rows, "Revenue by channel", "sunburst").type())
                .isEqualTo("bar");
    }
}

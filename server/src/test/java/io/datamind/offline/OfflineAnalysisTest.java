package io.datamind.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The narrative the offline provider adds to a result, from plain statistics. */
class OfflineAnalysisTest {

    @Test
    void groupsGetTotalLargestAndSmallestWithShares() {
        String text = OfflineAnalysis.describe(
                List.of("country", "total"),
                List.of(List.of("France", 290), List.of("Germany", 200), List.of("Italy", 40)));
        assertThat(text)
                .isEqualTo("The total of total is 530 across 3 countries. The largest is France (290, 54.72% of the"
                        + " total) and the smallest is Italy (40, 7.55%).");
    }

    @Test
    void periodsGetChangeFromFirstToLastAndTrend() {
        assertThat(OfflineAnalysis.describe(
                        List.of("month", "orders"),
                        List.of(List.of("2024-01", 10), List.of("2024-02", 12), List.of("2024-03", 15))))
                .isEqualTo("The total of orders is 37 across 3 months. From 2024-01 to 2024-03, orders rose from 10 to"
                        + " 15 (+50%); the overall trend is upward.");
        assertThat(OfflineAnalysis.describe(
                        List.of("year", "revenue"),
                        List.of(List.of(2021, 100.0), List.of(2022, 90.0), List.of(2023, 70.5))))
                .contains("revenue fell from 100 to 70.5 (-29.5%); the overall trend is downward.");
        assertThat(OfflineAnalysis.describe(
                        List.of("day", "visits"),
                        List.of(
                                List.of(LocalDate.of(2024, 1, 1), 5),
                                List.of(LocalDate.of(2024, 1, 2), 5),
                                List.of(LocalDate.of(2024, 1, 3), 5))))
                .contains("visits stayed at 5; the overall trend is flat.");
    }

    @Test
    void namesAnOutlier() {
        String text = OfflineAnalysis.describe(
                List.of("store", "sales"),
                List.of(
                        List.of("A", 10),
                        List.of("B", 11),
                        List.of("C", 9),
                        List.of("D", 10),
                        List.of("E", 12),
                        List.of("F", 95)));
        assertThat(text).endsWith("F stands out at 95 against a median of 10.5.");
        String even = OfflineAnalysis.describe(
                List.of("store", "sales"),
                List.of(List.of("A", 10), List.of("B", 11), List.of("C", 9), List.of("D", 10), List.of("E", 12)));
        assertThat(even).doesNotContain("stands out");
    }

    @Test
    void smallResults() {
        assertThat(OfflineAnalysis.describe(List.of("count"), List.of(List.of(5))))
                .isEqualTo("Count is 5.");
        assertThat(OfflineAnalysis.describe(List.of("count"), List.of())).isEqualTo("The query returned no rows.");
        assertThat(OfflineAnalysis.describe(
                        List.of("name", "city"), List.of(List.of("Ada", "Paris"), List.of("Bo", "Rome"))))
                .isEqualTo("The query returned 2 rows.");
    }
}

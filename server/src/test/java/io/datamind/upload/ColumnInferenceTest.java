package io.datamind.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnInferenceTest {

    private static LoadColumn infer(String... values) {
        ColumnInference inference = new ColumnInference();
        Arrays.stream(values).map(CellValues::clean).forEach(inference::accept);
        return inference.result("c", "C");
    }

    @Test
    void picksTheNarrowestTypeEveryValueFits() {
        assertThat(infer("1", "-2", "+3", "").sqlType()).isEqualTo("BIGINT");
        assertThat(infer("1", "2.50", "-0.125").sqlType()).isEqualTo("DECIMAL(4,3)");
        assertThat(infer(".5", "10").sqlType()).isEqualTo("DECIMAL(3,1)");
        assertThat(infer("TRUE", "false", null).sqlType()).isEqualTo("BOOLEAN");
        assertThat(infer("2024-02-29", "2023-12-31").sqlType()).isEqualTo("DATE");
        assertThat(infer("2024-01-01", "2024-01-01 10:00").sqlType()).isEqualTo("TIMESTAMP");
        assertThat(infer(null, " ").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void keepsIdentifiersAndOddNumbersAsText() {
        assertThat(infer("01234", "99999").type()).isEqualTo(ColumnType.TEXT);
        assertThat(infer("1,234", "5").type()).isEqualTo(ColumnType.TEXT);
        assertThat(infer("NaN", "1").type()).isEqualTo(ColumnType.TEXT);
        assertThat(infer("2024-02-30").type()).isEqualTo(ColumnType.TEXT);
        assertThat(infer("1", "yes").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void numbersTooWideOrScientificBecomeDouble() {
        assertThat(infer("1.5E-3", "2").sqlType()).isEqualTo("DOUBLE");
        assertThat(infer("123456789012345678901234567890.123456789").sqlType()).isEqualTo("DOUBLE");
        LoadColumn huge = infer("99999999999999999999");
        assertThat(huge.type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(huge.sqlType()).isEqualTo("DECIMAL(20,0)");
    }

    @Test
    void dateLayoutIsTheFirstThatReadsEveryValue() {
        LoadColumn american = infer("1/2/2024", "12/31/2024");
        assertThat(CellValues.parseDate("1/2/2024", american.dateFormat())).isEqualTo(LocalDate.of(2024, 1, 2));
        LoadColumn european = infer("1/2/2024", "31/12/2024");
        assertThat(CellValues.parseDate("1/2/2024", european.dateFormat())).isEqualTo(LocalDate.of(2024, 2, 1));
        LoadColumn dotted = infer("31.12.2024");
        assertThat(CellValues.parseDate("31.12.2024", dotted.dateFormat())).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void timestampsWithAnOffsetAreStoredInUtc() {
        assertThat(CellValues.parseTimestamp("2024-06-01T10:00:00+02:00"))
                .isEqualTo(LocalDateTime.of(2024, 6, 1, 8, 0));
        assertThat(CellValues.parseTimestamp("2024-06-01 10:00:00.5Z"))
                .isEqualTo(LocalDateTime.of(2024, 6, 1, 10, 0, 0, 500_000_000));
        assertThat(CellValues.parseTimestamp("2024-06-0110:00")).isNull();
    }

    @Test
    void namesAreSafeIdentifiers() {
        assertThat(Names.columns(List.of("Order Date", "Order Date", "", "2024 Sales", "select", "Ünïcödé €")))
                .containsExactly("order_date", "order_date_2", "column_3", "c_2024_sales", "select_", "unicode");
        assertThat(Names.table(null, "C:\\Users\\me\\Q3 report.final.csv")).isEqualTo("q3_report_final");
        assertThat(Names.table(null, "2024.csv")).isEqualTo("t_2024");
        assertThat(Names.table("  ", "---.csv")).isEqualTo("upload");
        assertThat(Names.table("x".repeat(100), "a.csv")).hasSize(Names.MAX_LENGTH);
    }
}

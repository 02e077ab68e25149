package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.query.ResultColumn;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCsvTest {

    @Test
    void writesRfc4180WithNeutralizedFormulas() throws IOException {
        List<ResultColumn> columns = List.of(
                new ResultColumn("name, full", "text", "varchar"),
                new ResultColumn("amount", "number", "numeric"),
                new ResultColumn("tags", "other", "json"));
        StringWriter out = new StringWriter();
        ResultCsv.write(
                columns,
                List.of(
                        Arrays.asList("Say \"hi\"\nthere", new BigDecimal("1E+3"), List.of("a", "b")),
                        Arrays.asList("=HYPERLINK(\"x\")", -5, null)),
                out);
        assertThat(out.toString())
                .isEqualTo("\"name, full\",amount,tags\r\n"
                        + "\"Say \"\"hi\"\"\nthere\",1000,\"[\"\"a\"\",\"\"b\"\"]\"\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\",-5,\r\n");
    }

    @Test
    void namesTheFileAfterTheQuestion() {
        assertThat(ResultCsv.fileName("Umsätze je Monat?")).isEqualTo("umsatze-je-monat.csv");
        assertThat(ResultCsv.fileName("???")).isEqualTo("result.csv");
    }
}

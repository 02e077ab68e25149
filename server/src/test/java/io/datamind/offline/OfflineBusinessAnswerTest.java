package io.datamind.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.schema.SchemaSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an answer about a business schema shows, run on the trade fixture in SQLite and PostgreSQL: entities by their
 * name rather than their key, time buckets with their totals, and the measure a ranking or a sort is by.
 */
class OfflineBusinessAnswerTest {

    private static final OfflineEngine ENGINE = new OfflineEngine();
    private static final SchemaSnapshot TRADE = TradeFixture.snapshot();
    private static final Map<OfflineDialect, Connection> CONNECTIONS = new EnumMap<>(OfflineDialect.class);

    @AfterAll
    static void close() throws SQLException {
        for (Connection c : CONNECTIONS.values()) {
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SQLITE", "POSTGRESQL"})
    void listsEntitiesByTheirName(OfflineDialect dialect) throws SQLException {
        // company_name, not contact_name: the contact's columns (contact_title) make it another party's name
        assertThat(rows(dialect, "Which clients are in Oslo?"))
                .containsExactlyInAnyOrder("Blue Harbor Ltd", "Delta Foods");
        // ship_name belongs with ship_city: an order has no name of its own, so it is shown by its key
        assertThat(sql(dialect, "List the orders with freight over 50")).doesNotContain("ship_name");
        assertThat(rows(dialect, "List the orders with freight over 50"))
                .first()
                .asString()
                .startsWith("2");
        // no name column: the text column whose sampled values name each row
        assertThat(rows(dialect, "List the teams")).containsExactlyInAnyOrder("Falcons", "Otters", "Wolves");
        // asking for ids keeps the key
        assertThat(rows(dialect, "What are the ids of clients in Oslo?")).containsExactlyInAnyOrder("1", "3");
    }

    private static String sql(OfflineDialect dialect, String question) {
        OfflineAnswer answer = ENGINE.translate(question, TRADE, dialect, Map.of());
        assertThat(answer).as(question).isInstanceOf(OfflineAnswer.Sql.class);
        return ((OfflineAnswer.Sql) answer).sql();
    }

    private static List<String> rows(OfflineDialect dialect, String question) throws SQLException {
        Connection c = CONNECTIONS.get(dialect);
        if (c == null) {
            c = TradeFixture.open(dialect);
            CONNECTIONS.put(dialect, c);
        }
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql(dialect, question))) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(normalize(rs.getObject(i)));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }

    /** Numbers by value (2 decimals) so every database prints them alike. */
    private static String normalize(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString())
                    .setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return v.toString();
    }
}

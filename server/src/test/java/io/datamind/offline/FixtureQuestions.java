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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Questions asked of the offline engine about one fixture, with the SQL it writes run on that fixture's database.
 * One database per dialect is opened on first use and kept until the test class is done (registered as a static
 * {@code @RegisterExtension} field), so a test class pays for each database once.
 */
final class FixtureQuestions implements AfterAllCallback {

    private static final OfflineEngine ENGINE = new OfflineEngine();

    /** Opens a fresh database of the dialect holding the fixture's tables and rows. */
    @FunctionalInterface
    interface Database {
        Connection open(OfflineDialect dialect) throws SQLException;
    }

    private final SchemaSnapshot schema;
    private final Database database;
    private final boolean confident;
    private final Map<OfflineDialect, Connection> connections = new EnumMap<>(OfflineDialect.class);

    private FixtureQuestions(SchemaSnapshot schema, Database database, boolean confident) {
        this.schema = schema;
        this.database = database;
        this.confident = confident;
    }

    static FixtureQuestions of(SchemaSnapshot schema, Database database) {
        return new FixtureQuestions(schema, database, false);
    }

    /** As {@link #of}, and every SQL answer must also be confident enough to be shown without asking. */
    static FixtureQuestions confident(SchemaSnapshot schema, Database database) {
        return new FixtureQuestions(schema, database, true);
    }

    /** The engine's answer to a question about the schema, which must be SQL. */
    static OfflineAnswer.Sql answer(SchemaSnapshot schema, OfflineDialect dialect, String question) {
        OfflineAnswer answer = ENGINE.translate(question, schema, dialect, Map.of());
        assertThat(answer).as(question).isInstanceOf(OfflineAnswer.Sql.class);
        return (OfflineAnswer.Sql) answer;
    }

    OfflineAnswer.Sql answer(OfflineDialect dialect, String question) {
        return answer(schema, dialect, question);
    }

    String sql(OfflineDialect dialect, String question) {
        return sql(schema, dialect, question);
    }

    private String sql(SchemaSnapshot asked, OfflineDialect dialect, String question) {
        OfflineAnswer.Sql sql = answer(asked, dialect, question);
        if (confident) {
            assertThat(sql.confidence()).as(question).isGreaterThanOrEqualTo(OfflineEngine.THRESHOLD);
        }
        return sql.sql();
    }

    /** The engine's explanation of its SQL answer. */
    String explanation(OfflineDialect dialect, String question) {
        return answer(dialect, question).explanation();
    }

    /** Checks the engine declines the question, for a reason that mentions {@code reason}. */
    void assertDeclined(OfflineDialect dialect, String question, String reason) {
        OfflineAnswer answer = ENGINE.translate(question, schema, dialect, Map.of());
        assertThat(answer).as(question).isInstanceOf(OfflineAnswer.Declined.class);
        assertThat(((OfflineAnswer.Declined) answer).reason()).as(question).contains(reason);
    }

    /** The rows the answer's SQL returns, each as its values joined by "|". */
    List<String> rows(OfflineDialect dialect, String question) throws SQLException {
        return rows(schema, dialect, question);
    }

    /** As {@link #rows(OfflineDialect, String)}, asked about another schema held in the same database. */
    List<String> rows(SchemaSnapshot asked, OfflineDialect dialect, String question) throws SQLException {
        return run(dialect, sql(asked, dialect, question));
    }

    /** The rows the SQL returns on the dialect's database, each as its values joined by "|". */
    List<String> run(OfflineDialect dialect, String sql) throws SQLException {
        Connection c = connections.get(dialect);
        if (c == null) {
            c = database.open(dialect);
            connections.put(dialect, c);
        }
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
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

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        for (Connection c : connections.values()) {
            c.close();
        }
        connections.clear();
    }

    /** Numbers compared by value (2 decimals), so 530, 530.00 and 530.0 are the same answer in every database. */
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

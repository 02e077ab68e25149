package io.datamind.ask;

import io.datamind.llm.LlmMessage;
import io.datamind.llm.LlmRequest;
import io.datamind.query.DatabaseType;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests that ask a model for SQL: the rules and the schema as the system prompt, then the earlier turns of the
 * conversation, then the question; a repair adds the failed answer and what went wrong.
 */
final class SqlPrompts {

    static final int MAX_TOKENS = 2048;

    private SqlPrompts() {}

    static LlmRequest first(SqlTask task) {
        return new LlmRequest(system(task), conversation(task), MAX_TOKENS, 0.0);
    }

    /**
     * @param attempts the answers already given for this question and why each failed, oldest first
     */
    static LlmRequest repair(SqlTask task, List<FailedAttempt> attempts) {
        List<LlmMessage> messages = new ArrayList<>(conversation(task));
        for (FailedAttempt attempt : attempts) {
            messages.add(LlmMessage.assistant(attempt.answer().isBlank() ? "(no answer)" : attempt.answer()));
            messages.add(LlmMessage.user("That query cannot be used: " + attempt.error()
                    + "\nWrite a corrected query for the same question, in the same format."));
        }
        return new LlmRequest(system(task), messages, MAX_TOKENS, 0.0);
    }

    /** A model answer and the check's or database's reason for refusing its SQL. */
    record FailedAttempt(String answer, String error) {}

    static String dialectName(DatabaseType type) {
        return switch (type) {
            case POSTGRESQL -> "PostgreSQL";
            case MYSQL -> "MySQL";
            case MARIADB -> "MariaDB";
            case SQLITE -> "SQLite";
            case DUCKDB -> "DuckDB";
            case CLICKHOUSE -> "ClickHouse";
            case TRINO -> "Trino";
            case SQLSERVER -> "Microsoft SQL Server (T-SQL)";
        };
    }

    private static String system(SqlTask task) {
        String dialect = dialectName(task.databaseType());
        StringBuilder s = new StringBuilder();
        s.append("You are DataMind, an expert data analyst. You translate questions about a ")
                .append(dialect)
                .append(" database into SQL.\n\nRules:\n")
                .append("- Write exactly one read-only query: SELECT, or WITH ... SELECT. Never write INSERT, UPDATE,"
                        + " DELETE, DDL, transaction control or more than one statement.\n")
                .append("- Use only the tables and columns listed in the schema below, with ")
                .append(dialect)
                .append(" syntax and functions.\n")
                .append("- Give result columns short readable aliases; order results meaningfully; for lists of"
                        + " rows add a LIMIT of at most 1000 unless the question asks for everything.\n")
                .append("- A follow-up question (\"and by month?\", \"only for Germany\") refines the previous"
                        + " question of the conversation: keep what it asked and change only what the follow-up"
                        + " says.\n")
                .append("- If the schema cannot answer the question, reply only <decline>why, in one"
                        + " sentence</decline>.\n\n")
                .append("Reply in this format and nothing else:\n")
                .append("<reasoning>one or two sentences on how you read the question</reasoning>\n")
                .append("<sql>\nthe query\n</sql>\n")
                .append("<chart>one of kpi, line, bar, horizontal_bar, grouped_bar, stacked_bar, pie, scatter,"
                        + " table</chart>\n\n");
        s.append("Schema:\n")
                .append(task.schema() == null ? "" : task.schema().text().strip())
                .append("\n");
        if (!task.examples().isEmpty()) {
            s.append("\nVerified examples on this database (question, then the SQL that answers it):\n");
            for (VerifiedExample example : task.examples()) {
                s.append("Q: ")
                        .append(oneLine(example.question()))
                        .append("\nSQL: ")
                        .append(example.sql().strip())
                        .append("\n");
            }
        }
        return s.toString();
    }

    private static List<LlmMessage> conversation(SqlTask task) {
        List<LlmMessage> messages = new ArrayList<>();
        for (SqlTask.Turn turn : task.history()) {
            messages.add(LlmMessage.user(turn.question()));
            StringBuilder answer = new StringBuilder();
            if (turn.sql() != null) {
                answer.append("<sql>\n").append(turn.sql().strip()).append("\n</sql>\n");
            }
            answer.append("Result: ").append(turn.summary() == null ? "none" : turn.summary());
            messages.add(LlmMessage.assistant(answer.toString()));
        }
        messages.add(LlmMessage.user(task.question().strip()));
        return messages;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}

package io.datamind.ask;

import io.datamind.datasource.Glossaries;
import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmProviders;
import io.datamind.llm.TokenListener;
import io.datamind.offline.OfflineAnswer;
import io.datamind.offline.OfflineDialect;
import io.datamind.offline.OfflineEngine;
import java.util.Optional;

/**
 * The built-in offline engine writes the SQL: no model, no tokens. Its reading of the question is streamed as the SQL
 * generation's tokens; when it is not confident it declines with its reason and a suggestion.
 */
final class OfflineSqlAuthor implements SqlAuthor {

    static final String MODEL = "offline-engine";

    private final OfflineEngine engine;
    private final Glossaries glossaries;
    private final PlainAnalysis plain;

    OfflineSqlAuthor(OfflineEngine engine, Glossaries glossaries, PlainAnalysis plain) {
        this.engine = engine;
        this.glossaries = glossaries;
        this.plain = plain;
    }

    @Override
    public String provider() {
        return LlmProviders.OFFLINE;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public boolean spendsTokens() {
        return false;
    }

    @Override
    public boolean usesSchemaContext() {
        return false;
    }

    @Override
    public Draft write(SqlTask task, TokenListener tokens, CancellationToken cancel) {
        Optional<OfflineDialect> dialect = OfflineDialects.of(task.databaseType());
        if (dialect.isEmpty()) {
            return new Draft.Declined("The offline engine writes SQL for PostgreSQL, MySQL, MariaDB, SQLite and"
                    + " DuckDB only. Ask an admin to configure an AI provider in the AI settings for "
                    + SqlPrompts.dialectName(task.databaseType()) + ".");
        }
        OfflineAnswer answer = engine.translate(
                task.question(), task.snapshot(), dialect.get(), glossaries.of(task.orgId(), task.connectionId()));
        if (answer instanceof OfflineAnswer.Sql sql) {
            Streamed.words(sql.explanation(), tokens);
            return new Draft.Sql(sql.sql(), sql.explanation(), null, sql.confidence());
        }
        OfflineAnswer.Declined declined = (OfflineAnswer.Declined) answer;
        return new Draft.Declined(declined.reason() + " " + declined.suggestion());
    }

    @Override
    public Optional<Draft> repair(
            SqlTask task, Draft.Sql failed, String error, TokenListener tokens, CancellationToken cancel) {
        return Optional.empty();
    }

    @Override
    public Narrative analyze(AnalysisTask task, TokenListener tokens, CancellationToken cancel) {
        return plain.describe(task, tokens);
    }

    @Override
    public ChatAnswer.Tokens usage() {
        return ChatAnswer.Tokens.NONE;
    }
}

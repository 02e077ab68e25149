package io.datamind.ask;

import io.datamind.datasource.Glossaries;
import io.datamind.llm.CancellationToken;
import io.datamind.llm.TokenListener;
import io.datamind.offline.OfflineEngine;
import io.datamind.query.DataSourceTarget;
import io.datamind.query.QueryResult;
import io.datamind.query.QueryRunner;
import io.datamind.query.guard.StandaloneSqlGuard;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.support.BoundProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ask pipeline's SQL stages with the offline engine, built from the production classes without the application,
 * for benchmarks: {@link OfflineSqlAuthor} writes the SQL (with the connection's glossary, here none), then
 * {@link QueryAttempts} checks it with the SQL guard over the discovered tables and runs it through
 * {@link QueryExecution} and the query runner, exactly as {@link AskPipeline} does for a question of an organization
 * whose AI provider is the offline engine.
 *
 * <p>Not exercised: intake (authentication, the session), the verified-example lookup (a fresh connection has none),
 * the chart, the analysis and follow-ups, storing and auditing the answer. The result cache is off, so every question
 * reaches the database.
 */
public final class StandaloneOfflineAsk {

    /**
     * What came of one question.
     *
     * @param status {@code answered}, {@code declined} or {@code failed} (the guard or the database refused the SQL)
     * @param written the SQL as the engine wrote it; null when declined
     * @param ran the SQL as the guard rendered it, which is what ran; null unless answered
     * @param reasoning the engine's reading of the question
     * @param confidence the engine's confidence, as the answer carries it
     * @param message why it was declined or failed
     * @param result the rows, up to the runner's default limits; null unless answered
     * @param authorNanos time spent writing the SQL ({@link SqlAuthor#write})
     * @param checkAndRunNanos time spent checking and running it
     */
    public record Answer(
            String status,
            String written,
            String ran,
            String reasoning,
            Double confidence,
            String message,
            QueryResult result,
            long authorNanos,
            long checkAndRunNanos) {}

    private static final UUID USER = UUID.nameUUIDFromBytes("bench-user".getBytes(StandardCharsets.UTF_8));

    private final SqlAuthor author;
    private final QueryAttempts attempts;

    public StandaloneOfflineAsk(QueryRunner runner) {
        OfflineEngine engine = new OfflineEngine();
        Glossaries noGlossary = (orgId, connectionId) -> Map.of();
        this.author = new OfflineSqlAuthor(engine, noGlossary, new PlainAnalysis(engine, noGlossary));
        AskProperties properties =
                BoundProperties.of("datamind.ask", AskProperties.class, Map.of("datamind.ask.result-cache-ttl", "0"));
        // With the cache off (ttl 0) it never asks Redis, so it needs none.
        ResultCache noCache = new ResultCache(properties, null);
        this.attempts =
                new QueryAttempts(new QueryCheck(StandaloneSqlGuard.create()), new QueryExecution(runner, noCache));
    }

    public Answer ask(DataSourceTarget target, SchemaSnapshot snapshot, String text) {
        Question question = new Question(
                target.orgId(),
                USER,
                target.connectionId(),
                text,
                null,
                target,
                snapshot,
                UUID.randomUUID().toString());
        SqlTask task = new SqlTask(
                target.orgId(), target.connectionId(), text, target.type(), snapshot, null, List.of(), List.of());
        TokenListener ignore = token -> {};
        CancellationToken cancel = new CancellationToken();
        Outcome outcome = new Outcome();

        long start = System.nanoTime();
        Draft draft = author.write(task, ignore, cancel);
        long written = System.nanoTime();
        outcome.attempts = 1;
        Optional<QueryAttempts.Ran> ran =
                attempts.run(question, task, author, draft, new StageClock(AskListener.NONE), ignore, cancel, outcome);
        long done = System.nanoTime();

        String sql = draft instanceof Draft.Sql s ? s.sql() : null;
        return new Answer(
                ran.isPresent() ? Outcome.ANSWERED : outcome.status,
                sql,
                ran.map(QueryAttempts.Ran::sql).orElse(null),
                outcome.reasoning,
                outcome.confidence,
                outcome.message,
                ran.map(QueryAttempts.Ran::result).orElse(null),
                written - start,
                done - written);
    }
}

package io.datamind.ask;

import io.datamind.llm.CancellationToken;
import io.datamind.llm.TokenListener;
import java.util.Optional;

/**
 * Writes the SQL for a question and explains its result: a language model, or the built-in offline engine. One
 * instance serves one question, so it may keep what it needs between the calls (the failed attempts, the usage).
 */
interface SqlAuthor {

    /** {@code offline}, {@code anthropic}, {@code openai}, ... as stored with the answer. */
    String provider();

    /** The model that answered, once known; the configured one before. */
    String model();

    /**
     * Whether it calls a provider that charges the organization's token budget; the offline engine uses no tokens,
     * so an exhausted budget never stops it.
     */
    boolean spendsTokens();

    /** Whether it reads the selected part of the schema (a model) rather than the whole snapshot. */
    boolean usesSchemaContext();

    Draft write(SqlTask task, TokenListener tokens, CancellationToken cancel);

    /**
     * Another attempt after the check or the database refused the last one.
     *
     * @return empty when this author cannot repair (the offline engine gives the same SQL again)
     */
    Optional<Draft> repair(
            SqlTask task, Draft.Sql failed, String error, TokenListener tokens, CancellationToken cancel);

    Narrative analyze(AnalysisTask task, TokenListener tokens, CancellationToken cancel);

    /** Tokens the provider reported so far, per phase. */
    ChatAnswer.Tokens usage();
}

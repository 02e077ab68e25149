package io.datamind.ask;

import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmCompletion;
import io.datamind.llm.TokenListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A language model writes the SQL and the analysis; every call goes through the budget. */
final class ModelSqlAuthor implements SqlAuthor {

    private final MeteredProvider provider;
    private final PlainAnalysis plain;
    private final List<SqlPrompts.FailedAttempt> failed = new ArrayList<>();
    private String lastAnswer = "";

    ModelSqlAuthor(MeteredProvider provider, PlainAnalysis plain) {
        this.provider = provider;
        this.plain = plain;
    }

    @Override
    public String provider() {
        return provider.provider();
    }

    @Override
    public String model() {
        return provider.model();
    }

    @Override
    public boolean spendsTokens() {
        return true;
    }

    @Override
    public boolean usesSchemaContext() {
        return true;
    }

    @Override
    public Draft write(SqlTask task, TokenListener tokens, CancellationToken cancel) {
        return generate(SqlPrompts.first(task), tokens, cancel);
    }

    @Override
    public Optional<Draft> repair(
            SqlTask task, Draft.Sql failedDraft, String error, TokenListener tokens, CancellationToken cancel) {
        failed.add(new SqlPrompts.FailedAttempt(lastAnswer, error));
        return Optional.of(generate(SqlPrompts.repair(task, failed), tokens, cancel));
    }

    @Override
    public Narrative analyze(AnalysisTask task, TokenListener tokens, CancellationToken cancel) {
        MarkerCut visible = new MarkerCut(AnalysisPrompt.FOLLOW_UPS, tokens);
        LlmCompletion completion =
                provider.complete(MeteredProvider.Phase.ANALYSIS, AnalysisPrompt.request(task), visible, cancel);
        visible.finish();
        Narrative narrative = AnalysisPrompt.parse(completion.text());
        if (narrative.followUps().isEmpty()) {
            return new Narrative(narrative.text(), plain.followUps(task));
        }
        return narrative;
    }

    @Override
    public ChatAnswer.Tokens usage() {
        return provider.usage();
    }

    private Draft generate(io.datamind.llm.LlmRequest request, TokenListener tokens, CancellationToken cancel) {
        LlmCompletion completion = provider.complete(MeteredProvider.Phase.SQL_GENERATION, request, tokens, cancel);
        lastAnswer = completion.text();
        return SqlExtractor.extract(completion.text());
    }
}

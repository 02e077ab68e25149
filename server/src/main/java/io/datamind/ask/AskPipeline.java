package io.datamind.ask;

import io.datamind.auth.Caller;
import io.datamind.budget.TokenBudgets;
import io.datamind.common.ApiException;
import io.datamind.linking.SchemaContext;
import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmException;
import io.datamind.llm.TokenListener;
import io.datamind.query.QueryResult;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The ask pipeline, one stage class per step: budget, conversation, schema context, examples, SQL generation, check,
 * execution and repair, chart, analysis; then the answer is stored. The budget is asked first and again before every
 * provider call (see {@link MeteredProvider}); a provider failure, a decline, a cancel or the question's deadline (see
 * {@link QuestionDeadlines}) ends the question with an answer saying so.
 */
@Service
class AskPipeline implements AskService {

    static final String CANCELLED = Cancelled.MESSAGE;

    private static final Logger log = LoggerFactory.getLogger(AskPipeline.class);

    private final QuestionIntake intake;
    private final SqlAuthors authors;
    private final BudgetCheck budget;
    private final ConversationRecall conversations;
    private final SchemaContexts schemas;
    private final ExampleFinder examples;
    private final SqlGeneration generation;
    private final QueryAttempts attempts;
    private final ResultAnalysis analysis;
    private final ChatStore store;
    private final QuestionDeadlines deadlines;

    AskPipeline(
            QuestionIntake intake,
            SqlAuthors authors,
            BudgetCheck budget,
            ConversationRecall conversations,
            SchemaContexts schemas,
            ExampleFinder examples,
            SqlGeneration generation,
            QueryAttempts attempts,
            ResultAnalysis analysis,
            ChatStore store,
            QuestionDeadlines deadlines) {
        this.intake = intake;
        this.authors = authors;
        this.budget = budget;
        this.conversations = conversations;
        this.schemas = schemas;
        this.examples = examples;
        this.generation = generation;
        this.attempts = attempts;
        this.analysis = analysis;
        this.store = store;
        this.deadlines = deadlines;
    }

    @Override
    public ChatAnswer ask(Caller caller, AskCommand command, AskListener listener, CancellationToken cancel) {
        Question question = intake.accept(caller, command);
        StageClock clock = new StageClock(listener);
        Outcome outcome = new Outcome();
        SqlAuthor author = null;
        try (QuestionDeadlines.Deadline deadline = deadlines.start(cancel)) {
            // Stopped by the caller's cancel or by the deadline; the stages only see this one.
            CancellationToken stop = deadline.token();
            try {
                author = authors.forQuestion(question.orgId());
                answer(question, author, clock, listener, stop, outcome);
            } catch (BudgetExhausted e) {
                outcome.end(Outcome.DECLINED, TokenBudgets.EXCEEDED_MESSAGE);
            } catch (LlmException e) {
                outcome.end(
                        Outcome.FAILED,
                        e.category() == LlmException.Category.CANCELLED || stop.isCancelled()
                                ? stopped(deadline)
                                : e.getMessage());
            } catch (Cancelled e) {
                outcome.end(Outcome.FAILED, stopped(deadline));
            } catch (ApiException e) {
                // Organization AI settings the provider factory refuses (an unknown provider, a bad base URL).
                outcome.end(Outcome.FAILED, e.getMessage());
            }
            if (deadline.expired()) {
                log.info("Question {} stopped at its deadline", question.queryId());
            }
        }
        // 11. Store the answer (and audit it).
        return store.save(
                question,
                outcome,
                author == null ? ChatAnswer.Tokens.NONE : author.usage(),
                clock.timings(),
                author == null ? null : author.provider(),
                author == null ? null : author.model());
    }

    private static String stopped(QuestionDeadlines.Deadline deadline) {
        return deadline.expired() ? deadline.message() : CANCELLED;
    }

    private void answer(
            Question question,
            SqlAuthor author,
            StageClock clock,
            AskListener listener,
            CancellationToken cancel,
            Outcome outcome) {
        // 1. Budget: an exhausted one ends the question before any other stage.
        if (!budget.allows(question, author)) {
            outcome.end(Outcome.DECLINED, TokenBudgets.EXCEEDED_MESSAGE);
            return;
        }
        // 2. Conversation.
        Conversation conversation = conversations.recall(question, author.usesSchemaContext());
        // 3. Schema context.
        SchemaContext schema = clock.time("schema", () -> schemas.select(question, conversation, author));
        // 4. Examples.
        ExampleFinder.Found found = clock.time(
                "examples",
                () -> examples.find(
                        question.orgId(), question.connectionId(), question.text(), conversation.isFirstTurn()));
        SqlTask task = new SqlTask(
                question.orgId(),
                question.connectionId(),
                question.text(),
                question.target().type(),
                question.snapshot(),
                schema,
                conversation.turns(),
                found.similar());
        TokenListener sqlTokens = token -> listener.on(new AskEvent.Token("sql_generation", token));
        // 5. SQL generation.
        Draft draft = generation.draft(task, found.exact(), author, clock, sqlTokens, cancel, outcome);
        // 6. Check, 7. execute, 8. repair.
        Optional<QueryAttempts.Ran> ran =
                attempts.run(question, task, author, draft, clock, sqlTokens, cancel, outcome);
        if (ran.isEmpty()) {
            return;
        }
        QueryResult rows = ran.get().result();
        listener.on(new AskEvent.Result(
                ChatStore.columns(rows.columns()), ChatStore.preview(rows.rows()), rows.rowCount(), rows.truncated()));
        outcome.result = rows;
        // 9. Chart.
        outcome.chart = clock.time(
                "chart",
                () -> ChartPoints.attach(
                        ChartRecommender.recommend(
                                rows.columns(),
                                rows.rows(),
                                question.text(),
                                ran.get().suggestedChart()),
                        rows));
        // 10. Analysis.
        AnalysisTask analysisTask =
                new AnalysisTask(task, ran.get().sql(), rows, ran.get().tablesRead());
        TokenListener analysisTokens = token -> listener.on(new AskEvent.Token("analysis", token));
        Narrative narrative =
                clock.time("analyze", () -> analysis.explain(author, analysisTask, analysisTokens, cancel, outcome));
        outcome.analysis = narrative.text();
        outcome.followUps = narrative.followUps();
    }
}

package io.datamind.ask;

import io.datamind.auth.Caller;
import io.datamind.budget.TokenBudgets;
import io.datamind.common.ApiException;
import io.datamind.datasource.Glossaries;
import io.datamind.linking.SchemaContext;
import io.datamind.linking.SchemaSelector;
import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmException;
import io.datamind.llm.TokenListener;
import io.datamind.query.QueryResult;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The ask pipeline, stage by stage: conversation, schema context, examples, SQL generation, check, execution (with up
 * to two repairs), chart, analysis; then the answer is stored. The budget is asked before every provider call (see
 * {@link MeteredProvider}); a provider failure, a decline, a cancel or the question's deadline (see {@link
 * QuestionDeadlines}) ends the question with an answer saying so.
 */
@Service
class AskPipeline implements AskService {

    static final String CANCELLED = Cancelled.MESSAGE;

    /** Ends an analysis the provider stopped sending partway; streamed after the part the client already has. */
    static final String CUT_OFF = "\n\n(The analysis was cut off: the AI provider stopped answering.)";

    private static final Logger log = LoggerFactory.getLogger(AskPipeline.class);

    private final QuestionIntake intake;
    private final SqlAuthors authors;
    private final ChatRepository chats;
    private final SchemaSelector selector;
    private final Glossaries glossaries;
    private final ExampleFinder examples;
    private final QueryAttempts attempts;
    private final PlainAnalysis plain;
    private final ChatStore store;
    private final AskProperties properties;
    private final QuestionDeadlines deadlines;

    AskPipeline(
            QuestionIntake intake,
            SqlAuthors authors,
            ChatRepository chats,
            SchemaSelector selector,
            Glossaries glossaries,
            ExampleFinder examples,
            QueryAttempts attempts,
            PlainAnalysis plain,
            ChatStore store,
            AskProperties properties,
            QuestionDeadlines deadlines) {
        this.intake = intake;
        this.authors = authors;
        this.chats = chats;
        this.selector = selector;
        this.glossaries = glossaries;
        this.examples = examples;
        this.attempts = attempts;
        this.plain = plain;
        this.store = store;
        this.properties = properties;
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
        List<SqlTask.Turn> history = question.session() == null
                ? List.of()
                : chats.lastTurns(question.session().id(), properties.historyTurns());
        SchemaContext schema = clock.time(
                "schema",
                () -> author.usesSchemaContext()
                        ? selector.select(
                                question.snapshot(),
                                question.text(),
                                properties.schemaTokenBudget(),
                                glossaries.of(question.orgId(), question.connectionId()))
                        : null);
        ExampleFinder.Found found =
                clock.time("examples", () -> examples.find(question.orgId(), question.connectionId(), question.text()));
        SqlTask task = new SqlTask(
                question.orgId(),
                question.connectionId(),
                question.text(),
                question.target().type(),
                question.snapshot(),
                schema,
                history,
                found.similar());
        TokenListener sqlTokens = token -> listener.on(new AskEvent.Token("sql_generation", token));

        Draft draft;
        if (found.exact().isPresent()) {
            outcome.reused = true;
            draft = new Draft.Sql(found.exact().get().sql(), "Reused the verified query of the same question.", null);
        } else {
            Cancelled.check(cancel);
            draft = clock.time("generate_sql", () -> author.write(task, sqlTokens, cancel));
            outcome.attempts = 1;
        }

        Optional<QueryAttempts.Ran> ran =
                attempts.run(question, task, author, draft, clock, sqlTokens, cancel, outcome);
        if (ran.isEmpty()) {
            return;
        }
        QueryResult rows = ran.get().result();
        listener.on(new AskEvent.Result(
                ChatStore.columns(rows.columns()), ChatStore.preview(rows.rows()), rows.rowCount(), rows.truncated()));
        outcome.result = rows;
        outcome.chart = clock.time(
                "chart",
                () -> ChartRecommender.recommend(
                        rows.columns(), rows.rows(), question.text(), ran.get().suggestedChart()));

        AnalysisTask analysisTask =
                new AnalysisTask(task, ran.get().sql(), rows, ran.get().tablesRead());
        TokenListener analysisTokens = token -> listener.on(new AskEvent.Token("analysis", token));
        Narrative narrative =
                clock.time("analyze", () -> analyze(author, analysisTask, analysisTokens, cancel, outcome));
        outcome.analysis = narrative.text();
        outcome.followUps = narrative.followUps();
    }

    /**
     * The author's analysis; the plain one when no provider may be called (a reused query, an exhausted budget) or
     * the provider failed before the client saw any of its analysis. When it failed partway, the client keeps what it
     * saw plus a note that the rest is missing, and the stored analysis is exactly that text: two analyses, one
     * broken off and one without the model, would read as a contradiction.
     */
    private Narrative analyze(
            SqlAuthor author, AnalysisTask task, TokenListener tokens, CancellationToken cancel, Outcome outcome) {
        if (outcome.reused) {
            return plain.describe(task, tokens);
        }
        SentTokens sent = new SentTokens(tokens);
        try {
            return author.analyze(task, sent, cancel);
        } catch (BudgetExhausted e) {
            return plain.describe(task, tokens);
        } catch (LlmException e) {
            if (e.category() == LlmException.Category.CANCELLED || cancel.isCancelled()) {
                throw e;
            }
            if (sent.isEmpty()) {
                // The query ran and its result is worth showing; the numbers are described without the model.
                log.info("Analysis by the provider failed ({}); describing the result without it", e.category());
                return plain.describe(task, tokens);
            }
            log.info(
                    "Analysis by the provider broke off after {} characters ({}); keeping them with a note",
                    sent.text().length(),
                    e.category());
            sent.onToken(CUT_OFF);
            return new Narrative(sent.text(), plain.followUps(task));
        }
    }
}

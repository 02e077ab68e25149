package io.datamind.ask;

import io.datamind.llm.CancellationToken;
import io.datamind.llm.TokenListener;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Step 5: the first draft of the SQL. A verified example of the same question is reused without a provider call (the
 * examples stage offers one only for a question that starts its conversation); otherwise the author writes it.
 */
@Component
class SqlGeneration {

    static final String REUSED = "Reused the verified query of the same question.";

    Draft draft(
            SqlTask task,
            Optional<VerifiedExample> exact,
            SqlAuthor author,
            StageClock clock,
            TokenListener tokens,
            CancellationToken cancel,
            Outcome outcome) {
        if (exact.isPresent()) {
            outcome.reused = true;
            return new Draft.Sql(exact.get().sql(), REUSED, null);
        }
        Cancelled.check(cancel);
        Draft draft = clock.time("generate_sql", () -> author.write(task, tokens, cancel));
        outcome.attempts = 1;
        return draft;
    }
}

package io.datamind.ask;

import io.datamind.llm.CancellationToken;
import io.datamind.query.DataSourceTarget;
import io.datamind.query.QueryFailedException;
import io.datamind.query.QueryResult;
import io.datamind.query.QueryRunner;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs the checked query through the query runner, or takes the result of the same query from the cache. The query
 * runs under the request's id, so cancelling the question stops it in the database.
 */
@Component
class QueryExecution {

    private final QueryRunner runner;
    private final ResultCache cache;

    QueryExecution(QueryRunner runner, ResultCache cache) {
        this.runner = runner;
        this.cache = cache;
    }

    /** @throws io.datamind.query.QueryFailedException when the database refused or failed the query */
    QueryResult run(DataSourceTarget target, String sql, String queryId, CancellationToken cancel) {
        Optional<QueryResult> cached = cache.get(target, sql);
        if (cached.isPresent()) {
            return cached.get();
        }
        QueryResult result;
        try (CancellationToken.Registration stop = cancel.onCancel(() -> runner.cancel(target.orgId(), queryId))) {
            if (cancel.isCancelled()) {
                throw new QueryFailedException(QueryFailedException.Category.CANCELLED, "The query was cancelled.");
            }
            result = runner.execute(target, sql, runner.defaultLimits(), queryId);
        }
        cache.put(target, sql, result);
        return result;
    }
}

package io.datamind.ask;

import io.datamind.query.QueryResult;
import java.util.Set;

/**
 * A result to explain.
 *
 * @param sql the query that ran
 * @param tablesRead the connection's tables the query reads, lower case, without schema
 */
record AnalysisTask(SqlTask question, String sql, QueryResult result, Set<String> tablesRead) {}

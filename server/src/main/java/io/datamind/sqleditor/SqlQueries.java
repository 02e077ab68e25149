package io.datamind.sqleditor;

import io.datamind.audit.AuditEvent;
import io.datamind.common.ApiException;
import io.datamind.datasource.ConnectionTargets;
import io.datamind.query.DataSourceTarget;
import io.datamind.query.QueryFailedException;
import io.datamind.query.QueryLimits;
import io.datamind.query.QueryRunner;
import io.datamind.query.QuerySummary;
import io.datamind.query.SqlHashes;
import io.datamind.query.guard.GuardVerdict;
import io.datamind.query.guard.KnownTables;
import io.datamind.query.guard.SqlDialect;
import io.datamind.query.guard.SqlGuard;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.SchemaSnapshots;
import io.datamind.sqleditor.SqlQueryController.RunQuery;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Checks a member's SQL with the guard against the connection's discovered tables, runs it, and audits it. */
@Service
class SqlQueries {

    private static final Logger log = LoggerFactory.getLogger(SqlQueries.class);

    private final ConnectionTargets targets;
    private final SchemaSnapshots schemas;
    private final SqlGuard guard;
    private final QueryRunner runner;
    private final ApplicationEventPublisher events;

    SqlQueries(
            ConnectionTargets targets,
            SchemaSnapshots schemas,
            SqlGuard guard,
            QueryRunner runner,
            ApplicationEventPublisher events) {
        this.targets = targets;
        this.schemas = schemas;
        this.guard = guard;
        this.runner = runner;
        this.events = events;
    }

    /**
     * Checks and runs the query, writing its result to {@code out} as the rows arrive. A failure before any byte went
     * out is thrown (a problem); a later one ends the result with an error marker, and a client that goes away
     * stops the query.
     */
    void run(UUID orgId, UUID userId, RunQuery request, JsonResultStream out) {
        if (request.connectionId() == null) {
            throw ApiException.invalidField("connectionId", "is required");
        }
        if (request.sql() == null || request.sql().isBlank()) {
            throw ApiException.invalidField("sql", "is required");
        }
        QueryLimits limits = runner.defaultLimits();
        if (request.limit() != null) {
            if (request.limit() < 1) {
                throw ApiException.invalidField("limit", "must be at least 1");
            }
            limits = limits.withMaxRows(Math.min(request.limit(), runner.maxRows()));
        }
        DataSourceTarget target = targets.forConnection(orgId, request.connectionId());
        SchemaSnapshot schema = schemas.latest(orgId, request.connectionId())
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT,
                        "Schema not discovered",
                        "The tables of this connection are not discovered yet; sync its schema and try again"));
        SqlDialect dialect = SqlDialect.of(target.type());
        KnownTables known = KnownTables.ofRefs(dialect, schema.tableRefs());
        String sqlHash = SqlHashes.sha256(request.sql());
        GuardVerdict verdict = guard.check(request.sql(), dialect, known);
        if (!(verdict instanceof GuardVerdict.Accepted accepted)) {
            audit(orgId, userId, "query.refused", request.connectionId(), facts(sqlHash, verdict.reasonOrNull()));
            throw ApiException.invalidField("sql", verdict.reasonOrNull());
        }
        long started = System.nanoTime();
        try {
            QuerySummary result = runner.execute(target, accepted.sql(), limits, out);
            out.finish(result);
            Map<String, Object> facts = facts(sqlHash, null);
            facts.put("rows", result.rowCount());
            facts.put("truncated", result.truncated());
            facts.put("durationMs", result.durationMs());
            audit(orgId, userId, "query.run", request.connectionId(), facts);
        } catch (QueryFailedException e) {
            auditFailure(
                    orgId, userId, request.connectionId(), sqlHash, e.category().name());
            if (!out.committed()) {
                throw e;
            }
            writeFailure(out, e, started);
        } catch (UncheckedIOException e) {
            // The client went away mid-result; the runner has stopped the query and there is nobody to answer.
            log.debug("Query result not delivered: {}", e.toString());
            auditFailure(orgId, userId, request.connectionId(), sqlHash, "disconnected");
        } catch (RuntimeException e) {
            if (!out.committed()) {
                throw e;
            }
            log.error("Query failed after its result started", e);
            auditFailure(orgId, userId, request.connectionId(), sqlHash, "internal");
            writeFailure(
                    out,
                    new ApiException(
                            HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The query stopped unexpectedly"),
                    started);
        }
    }

    private static void writeFailure(JsonResultStream out, ApiException failure, long started) {
        try {
            out.fail(failure, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (UncheckedIOException gone) {
            log.debug("Query failure not delivered: {}", gone.toString());
        }
    }

    private void auditFailure(UUID orgId, UUID userId, UUID connectionId, String sqlHash, String failure) {
        Map<String, Object> facts = facts(sqlHash, null);
        facts.put("failure", failure.toLowerCase(Locale.ROOT));
        audit(orgId, userId, "query.failed", connectionId, facts);
    }

    private void audit(UUID orgId, UUID userId, String action, UUID connectionId, Map<String, Object> facts) {
        events.publishEvent(new AuditEvent(orgId, userId, action, "connection", connectionId.toString(), facts));
    }

    private static Map<String, Object> facts(String sqlHash, String reason) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sqlSha256", sqlHash);
        if (reason != null) {
            facts.put("reason", reason);
        }
        return facts;
    }
}

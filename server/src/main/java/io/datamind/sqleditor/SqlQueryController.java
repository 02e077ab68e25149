package io.datamind.sqleditor;

import io.datamind.auth.Caller;
import io.datamind.query.ResultColumn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/query")
@Tag(name = "SQL editor")
class SqlQueryController {

    private final SqlQueries queries;
    private final JsonMapper jsonMapper;

    SqlQueryController(SqlQueries queries, JsonMapper jsonMapper) {
        this.queries = queries;
        this.jsonMapper = jsonMapper;
    }

    @PostMapping
    @Operation(
            summary = "Run one read-only query on a connection (analyst)",
            description = "The SQL guard accepts only one read-only query over the connection's discovered tables;"
                    + " a refusal is a 400 on the field sql. limit caps the rows: the configured default when absent,"
                    + " datamind.query.max-rows (1,000,000) at most, and the byte limit applies too. The result is"
                    + " streamed: a failure after its first bytes went out ends it with truncated true and an error"
                    + " object (title, status, detail, requestId) instead of changing the status.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StreamedResult.class)))
    void run(Caller caller, @RequestBody RunQuery request, HttpServletResponse response) {
        queries.run(caller.orgId(), caller.userId(), request, new JsonResultStream(response, jsonMapper));
    }

    /**
     * @param limit rows at most; absent for the configured default
     */
    record RunQuery(UUID connectionId, String sql, Integer limit) {}

    /**
     * The documented shape of the streamed answer (the controller writes it by hand).
     *
     * @param error only when the query failed after the result had started
     */
    record StreamedResult(
            List<ResultColumn> columns,
            List<List<Object>> rows,
            long rowCount,
            boolean truncated,
            long durationMs,
            StreamError error) {}

    /** A failure after the first bytes: the problem the query would otherwise have answered with. */
    record StreamError(String title, int status, String detail, String requestId) {}
}

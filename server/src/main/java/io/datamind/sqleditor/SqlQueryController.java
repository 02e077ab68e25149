package io.datamind.sqleditor;

import io.datamind.auth.Caller;
import io.datamind.query.QueryResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/query")
@Tag(name = "SQL editor")
class SqlQueryController {

    private final SqlQueries queries;

    SqlQueryController(SqlQueries queries) {
        this.queries = queries;
    }

    @PostMapping
    @Operation(
            summary = "Run one read-only query on a connection (analyst)",
            description = "The SQL guard accepts only one read-only query over the connection's discovered tables;"
                    + " a refusal is a 400 on the field sql. limit caps the rows (the configured default at most).")
    QueryResult run(Caller caller, @RequestBody RunQuery request) {
        return queries.run(caller.orgId(), caller.userId(), request);
    }

    /**
     * @param limit rows at most; absent for the configured default
     */
    record RunQuery(UUID connectionId, String sql, Integer limit) {}
}

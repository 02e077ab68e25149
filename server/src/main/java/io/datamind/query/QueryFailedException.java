package io.datamind.query;

import io.datamind.common.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A query or connection that did not work. The message is safe to show: it is the database's own explanation (useful
 * to the analyst and to the LLM that repairs SQL) with connection URLs and secrets removed, or one of a few fixed
 * sentences for connection problems.
 */
public class QueryFailedException extends ApiException {

    /** Why the query failed, for callers that react differently (retry, repair the SQL, tell the admin). */
    public enum Category {
        /** The database could not parse the SQL, or it is not a single read-only query. */
        SYNTAX(HttpStatus.BAD_REQUEST, "Query failed"),
        /** The SQL parsed but the database refused or failed to run it (unknown column, division by zero, ...). */
        SEMANTIC(HttpStatus.BAD_REQUEST, "Query failed"),
        /** The database user may not do this, or the read-only session refused a write. */
        PERMISSION(HttpStatus.BAD_REQUEST, "Query not permitted"),
        /** The time limit passed; the query was stopped in the database. */
        TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Query timed out"),
        /** Someone cancelled the query. */
        CANCELLED(HttpStatus.CONFLICT, "Query cancelled"),
        /** The database could not be reached or dropped the connection. */
        CONNECTION(HttpStatus.BAD_GATEWAY, "Database unavailable"),
        /** Every connection to this database is busy, or DataMind has too many data sources open. */
        LIMIT(HttpStatus.SERVICE_UNAVAILABLE, "Database busy");

        private final HttpStatus status;
        private final String title;

        Category(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Category category;

    public QueryFailedException(Category category, String message) {
        this(category, message, null);
    }

    public QueryFailedException(Category category, String message, Throwable cause) {
        super(category.status, category.title, message);
        this.category = category;
        if (cause != null) {
            initCause(cause);
        }
    }

    public Category category() {
        return category;
    }
}

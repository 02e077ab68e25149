package io.datamind.query.guard;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import net.sf.jsqlparser.statement.select.Select;

/** What {@link SqlGuard} decided about one query. */
public sealed interface GuardVerdict {

    /**
     * The query may run.
     *
     * @param sql the query as the parser understood it, without comments: run this text, not the original, so
     *     that what runs is exactly what was checked
     * @param statement the parsed query; changing it voids the verdict, so check the changed text again
     * @param tables the connection's tables the query reads (CTE names are not tables)
     */
    record Accepted(String sql, Select statement, Set<TableRef> tables) implements GuardVerdict {
        public Accepted {
            tables = Collections.unmodifiableSet(new LinkedHashSet<>(tables));
        }
    }

    /** The query must not run, for the reason given in plain words (shown to the person who wrote it). */
    record Refused(String reason) implements GuardVerdict {}

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The refusal reason, or null when accepted. */
    default String reasonOrNull() {
        return this instanceof Refused refused ? refused.reason() : null;
    }
}

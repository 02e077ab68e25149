package io.datamind.schema;

/**
 * How far a running discovery is, written by the sync thread and read by status requests. Each change replaces one
 * immutable {@link Progress}, so a reader never sees a phase with another phase's counts.
 */
final class SyncProgress {

    static final String TABLES = "tables";
    static final String COLUMNS = "columns";
    static final String KEYS = "keys";
    static final String SAMPLES = "samples";

    /**
     * @param phase {@code connecting}, {@code tables}, {@code columns}, {@code keys} or {@code samples}
     * @param done tables, columns or key tables read, or tables sampled, so far in this phase
     * @param total what the phase will reach when known (tables to read keys of, tables to sample); else null
     */
    record Progress(String phase, int done, Integer total) {}

    private volatile Progress current = new Progress("connecting", 0, null);

    Progress current() {
        return current;
    }

    /** Enters a phase with nothing done yet. */
    void start(String phase, Integer total) {
        current = new Progress(phase, 0, total);
    }

    /** One more done in the current phase. */
    void advance() {
        Progress now = current;
        current = new Progress(now.phase(), now.done() + 1, now.total());
    }

    /** One more of {@code phase} read, entering it first when another phase was current (rows arrive in order). */
    void count(String phase) {
        if (!current.phase().equals(phase)) {
            start(phase, null);
        }
        advance();
    }
}

package io.datamind.schema;

import java.time.Instant;

/**
 * Where a connection's schema discovery stands.
 *
 * @param state {@code idle} (never synced), {@code running}, {@code done} or {@code failed}
 * @param tables tables and views found by the last successful sync; null before one
 * @param error why the last sync failed; the previous snapshot, if any, is kept
 */
record SyncStatus(String state, Instant startedAt, Instant finishedAt, Integer tables, String error) {

    static SyncStatus idle() {
        return new SyncStatus("idle", null, null, null, null);
    }
}

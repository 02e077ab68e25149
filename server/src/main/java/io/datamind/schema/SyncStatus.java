package io.datamind.schema;

import java.time.Instant;

/**
 * Where a connection's schema discovery stands.
 *
 * @param state {@code idle} (never synced), {@code running}, {@code done} or {@code failed}
 * @param tables tables and views found by the last successful sync; null before one
 * @param error why the last sync failed; the previous snapshot, if any, is kept
 * @param progress how far a running sync is (phase and counts); null unless running
 */
record SyncStatus(
        String state,
        Instant startedAt,
        Instant finishedAt,
        Integer tables,
        String error,
        SyncProgress.Progress progress) {

    static SyncStatus idle() {
        return new SyncStatus("idle", null, null, null, null, null);
    }

    static SyncStatus running(Instant startedAt, SyncProgress progress) {
        return new SyncStatus("running", startedAt, null, null, null, progress.current());
    }
}

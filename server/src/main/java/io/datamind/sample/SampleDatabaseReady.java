package io.datamind.sample;

import java.nio.file.Path;

/**
 * Published once per start, on the preparing thread, right after {@link SampleDatabase#isReady()} turned true, so
 * listeners can open the file at once.
 *
 * @param path the DuckDB file
 * @param regenerated true when this start generated a new file (contents may differ from what readers cached)
 */
public record SampleDatabaseReady(Path path, boolean regenerated) {}

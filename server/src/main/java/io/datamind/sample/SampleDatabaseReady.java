package io.datamind.sample;

import java.nio.file.Path;

/**
 * Published once per start when the sample database can be opened.
 *
 * @param path the DuckDB file
 * @param regenerated true when this start generated a new file (contents may differ from what readers cached)
 */
public record SampleDatabaseReady(Path path, boolean regenerated) {}

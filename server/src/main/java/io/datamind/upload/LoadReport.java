package io.datamind.upload;

import java.util.List;
import java.util.UUID;

/**
 * What an upload loaded.
 *
 * @param table the new table in the organization's Uploads connection
 * @param connectionId the Uploads connection, for its schema and for questions
 * @param format {@code csv} or {@code xlsx}
 * @param rowsLoaded rows in the new table
 * @param rejected rows that were not loaded
 * @param rejections why, for the first rejected rows (at most 100)
 * @param columns the table's columns with their inferred types
 */
record LoadReport(
        String table,
        UUID connectionId,
        String fileName,
        String format,
        long rowsLoaded,
        long rejected,
        List<Rejection> rejections,
        List<Column> columns) {

    /** @param line the file's line (CSV) or the sheet's row number (XLSX) */
    record Rejection(long line, String reason) {}

    /**
     * @param header the header text in the file
     * @param type {@code integer}, {@code decimal}, {@code date}, {@code timestamp}, {@code boolean} or {@code text}
     * @param sqlType the DuckDB type
     */
    record Column(String name, String header, String type, String sqlType) {}
}

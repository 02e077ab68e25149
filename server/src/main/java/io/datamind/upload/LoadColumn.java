package io.datamind.upload;

import java.time.format.DateTimeFormatter;

/**
 * One column of an uploaded table, as inferred.
 *
 * @param name the column's name in the table (a plain lower-case identifier made from the header)
 * @param header the header text as it was in the file
 * @param sqlType the DuckDB type it is created with
 * @param dateFormat for dates: the layout that read every value
 * @param scale for DECIMAL: digits after the point; -1 for DOUBLE
 */
record LoadColumn(
        String name, String header, ColumnType type, String sqlType, DateTimeFormatter dateFormat, int scale) {}

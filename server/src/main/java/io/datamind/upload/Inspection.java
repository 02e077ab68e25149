package io.datamind.upload;

import java.util.ArrayList;
import java.util.List;

/**
 * The first read of an uploaded file: finds the header (the first row with a value), checks every row, and infers
 * each column's type from all the rows that load. Holds one inference per column, not the rows.
 */
final class Inspection implements Sheet.RowVisitor {

    private final int maxColumns;
    private final int maxReported;
    private final boolean shortRowsAreMissingFields;
    private long headerLine;
    private List<String> headers;
    private RowFilter filter;
    private List<ColumnInference> inferences;
    private long rows;
    private long rejected;
    private final List<LoadReport.Rejection> rejections = new ArrayList<>();

    Inspection(int maxColumns, int maxReported, boolean shortRowsAreMissingFields) {
        this.maxColumns = maxColumns;
        this.maxReported = maxReported;
        this.shortRowsAreMissingFields = shortRowsAreMissingFields;
    }

    @Override
    public void row(long line, List<String> cells, String problem) {
        if (headers == null) {
            header(line, cells);
            return;
        }
        String rejection = filter.check(cells, problem);
        if (rejection == RowFilter.BLANK) {
            return;
        }
        if (rejection != null) {
            rejected++;
            if (rejections.size() < maxReported) {
                rejections.add(new LoadReport.Rejection(line, rejection));
            }
            return;
        }
        for (int i = 0; i < inferences.size(); i++) {
            inferences.get(i).accept(i < cells.size() ? CellValues.clean(cells.get(i)) : null);
        }
        rows++;
    }

    private void header(long line, List<String> cells) {
        int width = cells.size();
        while (width > 0 && CellValues.clean(cells.get(width - 1)) == null) {
            width--;
        }
        if (width == 0) {
            return;
        }
        if (width > maxColumns) {
            throw new BadUpload("The header has " + width + " columns; at most " + maxColumns + " can be loaded");
        }
        headerLine = line;
        headers = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String header = CellValues.clean(cells.get(i));
            headers.add(header == null ? "" : header);
        }
        filter = new RowFilter(width, shortRowsAreMissingFields);
        inferences = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            inferences.add(new ColumnInference());
        }
    }

    /** What the read found; a file without a header or without a row that loads is refused. */
    Inspected result() {
        if (headers == null) {
            throw new BadUpload("The file is empty: it has no header row");
        }
        if (rows == 0 && rejected == 0) {
            throw new BadUpload("The file has a header but no rows");
        }
        if (rows == 0) {
            LoadReport.Rejection first = rejections.get(0);
            throw new BadUpload("No row could be loaded: line " + first.line() + " " + first.reason()
                    + (rejected > 1 ? " (and " + (rejected - 1) + " more rows were refused)" : ""));
        }
        List<String> names = Names.columns(headers);
        List<LoadColumn> columns = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            columns.add(inferences.get(i).result(names.get(i), headers.get(i)));
        }
        return new Inspected(headerLine, columns, filter, rows, rejected, List.copyOf(rejections));
    }

    /**
     * @param headerLine rows up to this line are not data
     * @param rows rows that load
     */
    record Inspected(
            long headerLine,
            List<LoadColumn> columns,
            RowFilter filter,
            long rows,
            long rejected,
            List<LoadReport.Rejection> rejections) {}
}

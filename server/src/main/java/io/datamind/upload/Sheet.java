package io.datamind.upload;

import java.io.IOException;
import java.util.List;

/** An uploaded file read as rows of cell texts, the header first. It can be read more than once. */
interface Sheet {

    /** Hands every row to the visitor in file order; a file that cannot be read throws a 400 {@link BadUpload}. */
    void read(RowVisitor visitor) throws IOException;

    /** Whether a data row with fewer cells than the header is short of fields (CSV) or just ends early (XLSX). */
    boolean shortRowsAreMissingFields();

    @FunctionalInterface
    interface RowVisitor {
        /**
         * @param line where the row starts: the line of a CSV file, the row number of a sheet
         * @param cells cell texts, null for an empty cell
         * @param problem why this row cannot load as it is (a spreadsheet error value), or null
         */
        void row(long line, List<String> cells, String problem);
    }
}

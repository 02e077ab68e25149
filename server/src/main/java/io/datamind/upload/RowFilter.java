package io.datamind.upload;

import java.util.List;

/** Which data rows load and why the others do not; both reads of a file get the same answers. */
final class RowFilter {

    /** A row with no value at all: skipped, neither loaded nor rejected. */
    static final String BLANK = "blank";

    private final int width;
    private final boolean shortRowsAreMissingFields;

    RowFilter(int width, boolean shortRowsAreMissingFields) {
        this.width = width;
        this.shortRowsAreMissingFields = shortRowsAreMissingFields;
    }

    /** Null when the row loads, {@link #BLANK} when it is skipped, otherwise why it is rejected. */
    String check(List<String> cells, String problem) {
        int lastValue = -1;
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (CellValues.clean(cells.get(i)) != null) {
                lastValue = i;
                break;
            }
        }
        if (problem != null) {
            return problem;
        }
        if (lastValue < 0) {
            return BLANK;
        }
        if (lastValue >= width) {
            return "has "
                    + (shortRowsAreMissingFields
                            ? cells.size() + " fields"
                            : "values in " + (lastValue + 1) + " columns")
                    + " but the header has " + width;
        }
        if (shortRowsAreMissingFields && cells.size() < width) {
            return "has " + cells.size() + " fields but the header has " + width;
        }
        return null;
    }
}

package io.datamind.upload;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

/**
 * Finds the narrowest type that reads every value of one column. Each value rules out the types it does not fit;
 * once only text is left the column stops looking. Blank cells fit every type (they load as NULL).
 */
final class ColumnInference {

    /** DuckDB's widest DECIMAL; wider exact numbers become DOUBLE. */
    static final int MAX_DECIMAL_PRECISION = 38;

    private boolean seen;
    private boolean canBoolean = true;
    private boolean canInteger = true;
    private boolean canDecimal = true;
    private boolean scientific;
    private int integerDigits = 1;
    private int scale;
    /** One bit per entry of {@link CellValues#DATE_FORMATS} that still reads every value. */
    private int dateFormats = (1 << CellValues.DATE_FORMATS.size()) - 1;

    private boolean canTimestamp = true;

    void accept(String value) {
        if (value == null) {
            return;
        }
        seen = true;
        if (onlyText()) {
            return;
        }
        if (canBoolean && !CellValues.isBoolean(value)) {
            canBoolean = false;
        }
        if (canInteger && !CellValues.isInteger(value)) {
            canInteger = false;
        }
        if (canDecimal) {
            acceptNumber(value);
        }
        if (dateFormats != 0) {
            for (int i = 0; i < CellValues.DATE_FORMATS.size(); i++) {
                if ((dateFormats & (1 << i)) != 0 && !CellValues.isDate(value, CellValues.DATE_FORMATS.get(i))) {
                    dateFormats &= ~(1 << i);
                }
            }
        }
        if (canTimestamp && !CellValues.isTimestamp(value)) {
            canTimestamp = false;
        }
    }

    private void acceptNumber(String value) {
        if (CellValues.isPlainDecimal(value)) {
            BigDecimal number = CellValues.parseDecimal(value);
            integerDigits = Math.max(integerDigits, CellValues.integerDigits(number));
            scale = Math.max(scale, Math.max(0, number.scale()));
        } else if (CellValues.isScientific(value)) {
            scientific = true;
        } else {
            canDecimal = false;
        }
    }

    private boolean onlyText() {
        return !canBoolean && !canInteger && !canDecimal && dateFormats == 0 && !canTimestamp;
    }

    /** The column's type once every value was seen; a column without any value is text. */
    LoadColumn result(String name, String header) {
        if (!seen) {
            return new LoadColumn(name, header, ColumnType.TEXT, "VARCHAR", null, 0);
        }
        if (canBoolean) {
            return new LoadColumn(name, header, ColumnType.BOOLEAN, "BOOLEAN", null, 0);
        }
        if (canInteger) {
            return new LoadColumn(name, header, ColumnType.INTEGER, "BIGINT", null, 0);
        }
        if (canDecimal) {
            int precision = integerDigits + scale;
            if (scientific || precision > MAX_DECIMAL_PRECISION) {
                return new LoadColumn(name, header, ColumnType.DECIMAL, "DOUBLE", null, -1);
            }
            return new LoadColumn(
                    name, header, ColumnType.DECIMAL, "DECIMAL(" + precision + "," + scale + ")", null, scale);
        }
        if (dateFormats != 0) {
            DateTimeFormatter format = CellValues.DATE_FORMATS.get(Integer.numberOfTrailingZeros(dateFormats));
            return new LoadColumn(name, header, ColumnType.DATE, "DATE", format, 0);
        }
        if (canTimestamp) {
            return new LoadColumn(name, header, ColumnType.TIMESTAMP, "TIMESTAMP", null, 0);
        }
        return new LoadColumn(name, header, ColumnType.TEXT, "VARCHAR", null, 0);
    }
}

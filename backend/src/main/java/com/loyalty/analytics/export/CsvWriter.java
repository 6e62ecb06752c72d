package com.loyalty.analytics.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes a table as CSV for Excel: a UTF-8 byte-order mark first (so Chinese opens correctly),
 * RFC 4180 quoting, CRLF line ends, and text cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) prefixed with an apostrophe.
 */
final class CsvWriter {

    /** The byte-order mark Excel needs to read the file as UTF-8. */
    public static final String BOM = "\uFEFF";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final int FRACTION_DIGITS = 4;

    private CsvWriter() {
    }

    public static String write(CsvTable table) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, List.copyOf(table.header()));
        for (List<Object> row : table.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(text(cells.get(i))));
        }
        out.append("\r\n");
    }

    /** The cell as text: numbers plain (fractions to 4 digits), other text guarded against formulas. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            double value = ((Number) cell).doubleValue();
            return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(FRACTION_DIGITS, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString() : "";
        }
        if (cell instanceof BigDecimal) {
            return ((BigDecimal) cell).toPlainString();
        }
        if (cell instanceof Number) {
            return cell.toString();
        }
        String text = cell instanceof Enum<?> ? ((Enum<?>) cell).name() : cell.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String quoted(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

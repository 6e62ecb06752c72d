package com.loyalty.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * CSV for Excel, as every export writes it: a UTF-8 byte-order mark first (so Chinese opens
 * correctly), RFC 4180 quoting, CRLF line ends, and text cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) prefixed with an apostrophe.
 */
public final class Csv {

    /** The byte-order mark Excel needs to read the file as UTF-8. */
    public static final String BOM = "\uFEFF";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final int FRACTION_DIGITS = 4;

    private Csv() {
    }

    /** One line of cells, CRLF-terminated. */
    public static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(text(cells.get(i))));
        }
        return out.append("\r\n").toString();
    }

    /** The cell as text: numbers plain (fractions to 4 digits), other text guarded against formulas. */
    public static String text(Object cell) {
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
    public static String quoted(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

package com.loyalty.analytics.export;

import com.loyalty.shared.Csv;
import java.util.List;

/** Writes a report's table as CSV for Excel ({@link Csv}: BOM, RFC 4180 quoting, formula guard). */
final class CsvWriter {

    /** The byte-order mark Excel needs to read the file as UTF-8. */
    public static final String BOM = Csv.BOM;

    private CsvWriter() {
    }

    public static String write(CsvTable table) {
        StringBuilder out = new StringBuilder(BOM);
        out.append(Csv.line(List.copyOf(table.header())));
        for (List<Object> row : table.rows()) {
            out.append(Csv.line(row));
        }
        return out.toString();
    }
}

package com.loyalty.analytics.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A table to export: a header and rows of cells. Cells are text, numbers ({@link Number}, never
 * formula-guarded), dates, enums or null (empty). Text is guarded against formulas on output.
 */
public final class CsvTable {

    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    private CsvTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** A table with these column titles (Chinese is fine: the file is UTF-8 with a BOM). */
    public static CsvTable withHeader(String... header) {
        return new CsvTable(Arrays.asList(header));
    }

    /** Appends a row; it must have one cell per column. */
    public CsvTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        }
        rows.add(Collections.unmodifiableList(Arrays.asList(cells.clone())));
        return this;
    }

    /** A money cell: cents as yuan with two decimals (null stays empty). */
    public static BigDecimal yuan(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, 2);
    }

    public List<String> header() {
        return header;
    }

    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }
}

package com.loyalty.bulk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a file holds what: headers matched by their Chinese or English names, in any
 * order, unknown headers ignored. {@link #missing} names the required fields without a column.
 */
final class Columns<F extends Enum<F> & Columns.Field> {

    /** A field of a row, with the headers that name it (the first is the template's). */
    interface Field {
        List<String> headers();

        boolean required();
    }

    private final Map<F, Integer> index;

    private Columns(Map<F, Integer> index) {
        this.index = index;
    }

    static <F extends Enum<F> & Field> Columns<F> of(List<String> header, Class<F> fields) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(normal(header.get(i)), i);
        }
        Map<F, Integer> index = new LinkedHashMap<>();
        for (F field : fields.getEnumConstants()) {
            for (String name : field.headers()) {
                Integer at = byName.get(normal(name));
                if (at != null) {
                    index.put(field, at);
                    break;
                }
            }
        }
        return new Columns<>(index);
    }

    /** The template's headers of the required fields that have no column, 、-separated; empty when none. */
    String missing(Class<F> fields) {
        StringBuilder out = new StringBuilder();
        for (F field : fields.getEnumConstants()) {
            if (field.required() && !index.containsKey(field)) {
                out.append(out.isEmpty() ? "" : "、").append('「').append(field.headers().get(0)).append('」');
            }
        }
        return out.toString();
    }

    boolean has(F field) {
        return index.containsKey(field);
    }

    /** The row's cell for the field, stripped; null when absent or blank. */
    String get(List<String> cells, F field) {
        Integer at = index.get(field);
        if (at == null || at >= cells.size()) {
            return null;
        }
        String value = cells.get(at);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String normal(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").replace("*", "").strip().toLowerCase(Locale.ROOT)
                .replace(" ", "").replace("_", "");
    }
}

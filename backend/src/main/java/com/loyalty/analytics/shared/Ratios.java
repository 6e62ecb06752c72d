package com.loyalty.analytics.shared;

import com.loyalty.analytics.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Shares, averages and period filters used by the analytics; a ratio over nothing is null, not 0. */
public final class Ratios {

    private Ratios() {
    }

    /** part / whole, or null when whole is 0. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** (now - before) / before, or null when before is 0. */
    public static Double growth(long now, long before) {
        return before == 0 ? null : (double) (now - before) / before;
    }

    /** cents / count rounded half up to a whole cent, or null when count is 0 (cents never negative). */
    public static Long average(long cents, long count) {
        return count == 0 ? null : Math.floorDiv(2 * cents + count, 2 * count);
    }

    /** The rows whose day falls in the period. */
    public static <T> List<T> in(List<T> rows, Function<T, LocalDate> day, Period period) {
        return rows.stream().filter(row -> !day.apply(row).isBefore(period.start())
                && !day.apply(row).isAfter(period.end())).toList();
    }

    public static <T> long sum(List<T> rows, ToLongFunction<T> value) {
        return rows.stream().mapToLong(value).sum();
    }
}

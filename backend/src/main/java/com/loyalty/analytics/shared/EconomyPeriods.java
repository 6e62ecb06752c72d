package com.loyalty.analytics.shared;

import com.loyalty.analytics.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Sorts day rows into the periods of a range. */
public final class EconomyPeriods {

    private EconomyPeriods() {
    }

    /** The rows of each period, keyed by the period's start (every period present, possibly empty). */
    public static <T> Map<LocalDate, List<T>> group(List<Period> periods, Collection<T> rows, Function<T, LocalDate> day) {
        TreeMap<LocalDate, List<T>> byStart = new TreeMap<>();
        periods.forEach(p -> byStart.put(p.start(), new ArrayList<>()));
        for (T row : rows) {
            Map.Entry<LocalDate, List<T>> period = byStart.floorEntry(day.apply(row));
            if (period != null) {
                period.getValue().add(row);
            }
        }
        return byStart;
    }
}

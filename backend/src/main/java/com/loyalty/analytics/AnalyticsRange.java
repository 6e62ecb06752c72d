package com.loyalty.analytics;

import com.loyalty.shared.graphql.BadArgumentException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Business days from {@code from} to {@code to}, both included, cut into periods of the
 * granularity; the first and last period are clipped to the range. {@code storeId}: a manager's
 * own store (the default for managers), an admin's chosen store, or null for an admin's whole brand.
 */
public record AnalyticsRange(LocalDate from, LocalDate to, Granularity granularity, Long storeId) {

    /** The longest range one request may ask for. */
    public static final int MAX_DAYS = 3 * 366;

    public AnalyticsRange {
        if (from == null || to == null) {
            throw new BadArgumentException("range needs from and to");
        }
        if (to.isBefore(from)) {
            throw new BadArgumentException("range: to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new BadArgumentException("range: at most " + MAX_DAYS + " days");
        }
        granularity = granularity == null ? Granularity.DAY : granularity;
    }

    /** The periods in order, each clipped to the range. */
    public List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = periodEnd(start);
            periods.add(new Period(start, end.isAfter(to) ? to : end));
            start = end.plusDays(1);
        }
        return periods;
    }

    /** The start of the (unclipped) period a day falls in. */
    public LocalDate periodStartOf(LocalDate day) {
        switch (granularity) {
            case WEEK:
                return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return day.withDayOfMonth(1);
            default:
                return day;
        }
    }

    /** The same range with another store. */
    public AnalyticsRange withStore(Long store) {
        return new AnalyticsRange(from, to, granularity, store);
    }

    /** The range of the same length right before this one (for "previous period" comparisons). */
    public AnalyticsRange previous() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new AnalyticsRange(from.minusDays(days), from.minusDays(1), granularity, storeId);
    }

    private LocalDate periodEnd(LocalDate start) {
        switch (granularity) {
            case WEEK:
                return start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH:
                return start.with(TemporalAdjusters.lastDayOfMonth());
            default:
                return start;
        }
    }
}

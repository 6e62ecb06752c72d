package com.loyalty.leaderboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The span a board covers: an ISO week (Monday to Sunday) or a calendar month. */
public enum BoardPeriod {
    WEEK,
    MONTH;

    /** The period's name in keys, e.g. {@code 2026-W48} or {@code 2026-11}. */
    public String key(LocalDate day) {
        return this == WEEK
                ? String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                : String.format("%d-%02d", day.getYear(), day.getMonthValue());
    }

    public LocalDate first(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The first day after the period. */
    public LocalDate end(LocalDate day) {
        return this == WEEK ? first(day).plusWeeks(1) : first(day).plusMonths(1);
    }
}

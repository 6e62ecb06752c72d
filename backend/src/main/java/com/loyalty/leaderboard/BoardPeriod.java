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
                ? day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + twoDigits(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                : day.getYear() + "-" + twoDigits(day.getMonthValue());
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    public LocalDate first(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The first day after the period. */
    public LocalDate end(LocalDate day) {
        return this == WEEK ? first(day).plusWeeks(1) : first(day).plusMonths(1);
    }
}

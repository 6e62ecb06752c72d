package com.loyalty.analytics.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The days of a range split by where their numbers come from: {@code rolledUp} days from the
 * rollup tables, {@code live} days (today, days never rolled up or changed since) from the raw tables.
 */
public record DaySplit(List<LocalDate> rolledUp, List<LocalDate> live) {

    public DaySplit {
        rolledUp = List.copyOf(rolledUp);
        live = List.copyOf(live);
    }

    /** The start of the first live day (live must not be empty). */
    Instant liveFrom(ZoneId zone) {
        return live.get(0).atStartOfDay(zone).toInstant();
    }

    /** The end of the last live day (live must not be empty). */
    Instant liveTo(ZoneId zone) {
        return live.get(live.size() - 1).plusDays(1).atStartOfDay(zone).toInstant();
    }
}

package com.loyalty.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A clock tests can move forward; starts at the real time and is reset after each test. Tests run
 * on an ordinary business day: the seeded programme rules make the {@value #SEEDED_MEMBER_DAY}th of
 * each month a member day (double points), so on that day (in the brand's zone) the clock reads a
 * day later. Tests of member days pick their own dates.
 */
public class MutableClock extends Clock {

    /** The member day of the rules every test database starts with (V39__programme_rules.sql). */
    static final int SEEDED_MEMBER_DAY = 8;

    private final ZoneId zone;
    private volatile Duration offset;

    public MutableClock(ZoneId zone) {
        this.zone = zone;
        this.offset = ordinaryDay(zone);
    }

    /** How far ahead the clock reads so that its day is no member day: a day on the 8th, else nothing. */
    static Duration ordinaryDay(ZoneId zone) {
        return LocalDate.now(zone).getDayOfMonth() == SEEDED_MEMBER_DAY ? Duration.ofDays(1) : Duration.ZERO;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock so that it now reads {@code at} (and keeps ticking from there). */
    public void setTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    public void reset() {
        offset = ordinaryDay(zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        MutableClock copy = new MutableClock(other);
        copy.offset = offset;
        return copy;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}

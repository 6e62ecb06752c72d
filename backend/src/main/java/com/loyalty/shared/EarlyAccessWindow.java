package com.loyalty.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * When something members get themselves opens (points-mall goods, coupons of the coupon centre): to
 * the members of some tiers from {@code earlyFrom}, to everyone from {@code openFrom}, to nobody
 * before. Either may be null: no early access ({@code earlyFrom}), or open from the start
 * ({@code openFrom}). Which tiers are early is the owner's rule; this only reads the clock.
 */
public record EarlyAccessWindow(Instant earlyFrom, Instant openFrom) {

    /** Where the opening stands at a time. */
    public enum Phase {
        /** Before the early start (or before the opening, without early access): nobody. */
        NOT_OPEN,
        /** Between the early start and the opening: only the early tiers. */
        EARLY,
        /** From the opening: everyone. */
        OPEN
    }

    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    public Phase phaseAt(Instant now) {
        if (openFrom == null || !now.isBefore(openFrom)) {
            return Phase.OPEN;
        }
        return earlyFrom != null && !now.isBefore(earlyFrom) ? Phase.EARLY : Phase.NOT_OPEN;
    }

    /**
     * When a member may have it, as of {@code now}: null when they may now; otherwise the early start
     * for a member of the early tiers (before it) or the opening for anyone else.
     */
    public Instant opensFor(boolean earlyTier, Instant now) {
        return switch (phaseAt(now)) {
            case OPEN -> null;
            case EARLY -> earlyTier ? null : openFrom;
            case NOT_OPEN -> earlyTier && earlyFrom != null ? earlyFrom : openFrom;
        };
    }

    public boolean openFor(boolean earlyTier, Instant now) {
        return opensFor(earlyTier, now) == null;
    }

    /** In its early window at {@code now}: a badge (优先). */
    public boolean earlyAt(Instant now) {
        return phaseAt(now) == Phase.EARLY;
    }

    /** A time as members read it in the brand's zone: 12月10日 10:00 (with the year when not this one's). */
    public static String shown(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime when = at.atZone(zone);
        return (when.getYear() == now.atZone(zone).getYear() ? SAME_YEAR : OTHER_YEAR).format(when);
    }
}

package com.loyalty.support;

import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Points entries for a {@link HandBuiltBrand} on chosen days, through the real PointsService (so
 * buckets, allocations and balances stay consistent): credits, debits and expiries at noon.
 */
public final class HandBuiltLedger {

    private final HandBuiltBrand brand;
    private final PointsService points;
    private final TransactionalOperator tx;
    private final ZoneId zone;

    public HandBuiltLedger(HandBuiltBrand brand, PointsService points, TransactionalOperator tx, ZoneId zone) {
        this.brand = brand;
        this.points = points;
        this.tx = tx;
        this.zone = zone;
    }

    /** Adds points at noon of the day into a bucket expiring at noon of {@code expiresOn}; returns the bucket id. */
    public long credit(long memberId, EntryKind kind, long amount, LocalDate day, Long storeId, LocalDate expiresOn) {
        return points.lock(memberId)
                .then(points.credit(entry(memberId, kind, day, storeId), amount, noon(expiresOn)))
                .as(tx::transactional).block();
    }

    /** Gives the campaign's points to a member at noon of the day, as the campaign does (its idempotency key). */
    public void campaignPoints(long campaignId, long memberId, long amount, LocalDate day, LocalDate expiresOn) {
        NewEntry entry = new NewEntry(brand.brandId, memberId, EntryKind.CAMPAIGN, null, null, null, null, "campaign",
                "campaign:" + campaignId + ":" + memberId, noon(day));
        points.lock(memberId).then(points.credit(entry, amount, noon(expiresOn))).as(tx::transactional).block();
    }

    /** Takes points at noon of the day, soonest-expiring bucket first. */
    public void debit(long memberId, EntryKind kind, long amount, LocalDate day, Long storeId) {
        points.lock(memberId).then(points.debit(entry(memberId, kind, day, storeId), amount, null, false))
                .as(tx::transactional).block();
    }

    /** Expires what is left of a bucket at noon of the day. */
    public void expire(long memberId, long bucketId, long amount, LocalDate day) {
        points.lock(memberId).then(points.expire(entry(memberId, EntryKind.EXPIRE, day, null), bucketId, amount))
                .as(tx::transactional).block();
    }

    private NewEntry entry(long memberId, EntryKind kind, LocalDate day, Long storeId) {
        return new NewEntry(brand.brandId, memberId, kind, null, null, storeId, null, "hand-built",
                "hand-built:" + UUID.randomUUID(), noon(day));
    }

    private Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }
}

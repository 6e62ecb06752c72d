package com.loyalty.coupon;

import com.loyalty.shared.EarlyAccessWindow;
import java.time.Instant;
import java.util.List;

/**
 * What a coupon gives and who may have it: the kind and its numbers, validity (a fixed window or
 * days after getting it), stock, per-member limit, minimum tier, stores, categories, channel, and
 * its early access in the coupon centre (null: none).
 */
public record CouponTemplate(
        long id,
        long brandId,
        String name,
        Kind kind,
        Long amountOffCents,
        long thresholdCents,
        Integer percentOff,
        Long maxDiscountCents,
        String giftName,
        Instant validFrom,
        Instant validUntil,
        Integer validDays,
        Integer totalStock,
        int perMemberLimit,
        int minTierLevel,
        List<Long> storeIds,
        List<String> categories,
        Channel channel,
        boolean stackable,
        boolean claimable,
        Long pointsPrice,
        boolean enabled,
        Instant archivedAt,
        CouponEarlyAccess earlyAccess) {

    /** What the coupon takes off. */
    public enum Kind { AMOUNT_OFF, PERCENT_OFF, SHIPPING, GIFT }

    /** Where it can be used. */
    public enum Channel { STORE, ONLINE, BOTH }

    /**
     * Stock left once {@code issued} coupons of it were handed out, or null when unlimited. How many
     * were issued is counted where it is read ({@code CouponRepository#issuedCounts}): no claim
     * updates the template's row, which would make it the one row every claim of a drop waits for.
     */
    public Integer remainingStock(long issued) {
        return totalStock == null ? null : (int) Math.max(0, totalStock - issued);
    }

    /** Whether a stock limits it: then each coupon of it holds one of the slots 1..totalStock. */
    public boolean stocked() {
        return totalStock != null;
    }

    /** When a coupon obtained at {@code at} stops being valid. */
    public Instant expiryFor(Instant at) {
        return validUntil != null ? validUntil : at.plus(java.time.Duration.ofDays(validDays));
    }

    /** When a coupon obtained at {@code at} starts being valid. */
    public Instant startFor(Instant at) {
        return validFrom != null && validFrom.isAfter(at) ? validFrom : at;
    }

    /** Archived: no new coupons of it (claimed, bought, issued, in a pack); coupons already held still work. */
    public boolean archived() {
        return archivedAt != null;
    }

    public CouponTemplateFilter.ArchiveStatus status() {
        return archived() ? CouponTemplateFilter.ArchiveStatus.ARCHIVED : CouponTemplateFilter.ArchiveStatus.ACTIVE;
    }

    /** Whether coupons of it may be used at the store: every store, or one it names. */
    public boolean usableAt(long storeId) {
        return storeIds == null || storeIds.isEmpty() || storeIds.contains(storeId);
    }

    /** Limited to exactly this one store (what a store manager may create, edit and archive). */
    public boolean onlyFor(Long storeId) {
        return storeId != null && List.of(storeId).equals(storeIds);
    }

    /** The template's settings as a creation input, to check an edited copy by the rules of creation. */
    CreateCouponTemplateInput asInput() {
        return new CreateCouponTemplateInput(name, kind, amountOffCents, thresholdCents, percentOff, maxDiscountCents,
                giftName, validFrom, validUntil, validDays, totalStock, perMemberLimit, minTierLevel, storeIds,
                categories, channel, stackable, claimable, pointsPrice, earlyAccess);
    }

    /** When members may claim or buy it from the coupon centre (open from the start without early access). */
    public EarlyAccessWindow window() {
        return earlyAccess == null ? new EarlyAccessWindow(null, null) : earlyAccess.window();
    }

    /** Where claiming it stands at {@code now}: before the early start, early tiers only, or everyone. */
    public EarlyAccessWindow.Phase phaseAt(Instant now) {
        return window().phaseAt(now);
    }

    /** Whether a member of this tier level is one of its early tiers. */
    public boolean earlyFor(int level) {
        return earlyAccess != null && earlyAccess.includes(level);
    }

    /** In the coupon centre: free to claim or bought with points. */
    public boolean inCentre() {
        return claimable || pointsPrice != null;
    }

    /** True while coupons of this template can be handed out. */
    public boolean obtainableAt(Instant at) {
        return enabled && archivedAt == null && (validUntil == null || validUntil.isAfter(at));
    }
}

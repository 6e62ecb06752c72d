package com.loyalty.coupon;

/**
 * GraphQL input of {@code couponTemplates(filter:)}: every field narrows the list; null leaves it
 * open.
 *
 * @param storeId   templates usable at this store (every store, or one naming it)
 * @param search    part of the name, any case
 * @param claimable free to claim in the coupon centre, or not
 */
public record CouponTemplateFilter(ArchiveStatus status, CouponTemplate.Kind kind, Long storeId, String search,
                                   Boolean claimable) {

    /** Whether a template or pack may still hand out coupons (ACTIVE) or was archived (ARCHIVED). */
    public enum ArchiveStatus { ACTIVE, ARCHIVED }

    static CouponTemplateFilter none() {
        return new CouponTemplateFilter(null, null, null, null, null);
    }

    /** The same filter limited to templates usable at {@code store}. */
    CouponTemplateFilter atStore(Long store) {
        return new CouponTemplateFilter(status, kind, store, search, claimable);
    }
}

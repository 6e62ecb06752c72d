package com.loyalty.coupon;

import java.time.Instant;
import java.util.List;

/** Coupon templates handed out together, each a number of times; archived packs are handed out no more. */
public record CouponPack(long id, long brandId, String name, List<Item> items, Instant archivedAt) {

    /** One template of the pack and how many of it. */
    public record Item(long templateId, int quantity) {
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public CouponTemplateFilter.ArchiveStatus status() {
        return archived() ? CouponTemplateFilter.ArchiveStatus.ARCHIVED : CouponTemplateFilter.ArchiveStatus.ACTIVE;
    }
}

package com.loyalty.coupon;

import java.util.List;

/** Coupon templates handed out together, each a number of times. */
public record CouponPack(long id, long brandId, String name, List<Item> items) {

    /** One template of the pack and how many of it. */
    public record Item(long templateId, int quantity) {
    }
}

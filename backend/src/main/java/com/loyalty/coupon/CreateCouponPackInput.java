package com.loyalty.coupon;

import java.util.List;

/** GraphQL input of {@code createCouponPack}. */
public record CreateCouponPackInput(String name, List<Item> items) {

    /** A template of the pack and how many of it (1 to 20). */
    public record Item(Long templateId, Integer quantity) {
    }
}

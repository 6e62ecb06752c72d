package com.loyalty.coupon;

import java.util.List;

/** GraphQL input of {@code updateCouponPack}: a new name and/or new items (not for an archived pack); null keeps them. */
public record UpdateCouponPackInput(Long packId, String name, List<CreateCouponPackInput.Item> items) {
}

package com.loyalty.coupon;

import java.time.Instant;

/**
 * A template in the coupon centre, and whether the viewing member may still get it: {@code opensAt}
 * when its early access holds it back from them until then (null: open to them now), {@code early}
 * when it is open to them now before everyone (their tier's early access: 优先领).
 */
public record CentreCoupon(CouponTemplate template, int held, boolean available, Instant opensAt, boolean early) {
}

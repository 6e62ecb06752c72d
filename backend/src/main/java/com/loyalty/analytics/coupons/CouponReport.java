package com.loyalty.analytics.coupons;

import java.util.List;

/** Coupons over the range (in total, per period and per template) and the campaigns running in it. */
public record CouponReport(Long storeId, CouponFlow total, List<CouponFlow> series, List<CouponTemplateFlow> templates,
                           List<CampaignReturn> campaigns) {
}

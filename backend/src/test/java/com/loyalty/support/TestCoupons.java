package com.loyalty.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Coupons for tests: a 满200减50 template made by the admin and claimed by the member. */
public final class TestCoupons {

    private TestCoupons() {
    }

    /** The id of the member's claimed 满200减50 coupon (5,000 cents off from 20,000). */
    public static String claimedAmountOff(HttpGraphQlTester admin, HttpGraphQlTester member, String claimKey) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "满200减50", "kind", "AMOUNT_OFF",
                "amountOffCents", 5_000, "thresholdCents", 20_000, "validDays", 30));
        String template = admin.documentName("createCouponTemplate").variable("input", input).execute()
                .path("createCouponTemplate.template.id").entity(String.class).get();
        return member.documentName("claimCoupon").variable("templateId", template).variable("key", claimKey)
                .execute().path("claimCoupon.coupon.id").entity(String.class).get();
    }
}

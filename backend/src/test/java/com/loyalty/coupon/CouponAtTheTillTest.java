package com.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class CouponAtTheTillTest extends IntegrationTest {

    private String store;
    private Till till;

    @BeforeEach
    void openTill() {
        store = createStore("coupon-till");
        till = new Till(newStaff(store, "CLERK"));
    }

    @Test
    void theThresholdCountsOnlyItemsOfTheCouponsCategories() {
        String name = unique("tea");
        HttpGraphQlTester member = member(name);
        String coupon = claimed(member, Map.of("categories", List.of("茶饮")));

        buy(member, "T-1", coupon, 25_000, List.of(item("茶饮", 1, 15_000), item("糕点", 1, 10_000)))
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("COUPON_NOT_APPLICABLE")
                .path("recordPurchase.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("未满 ¥200.00"));

        buy(member, "T-2", coupon, 25_000, List.of(item("茶饮", 2, 12_000), item("糕点", 1, 1_000)))
                .path("recordPurchase.purchase.couponDiscountCents").entity(Long.class).isEqualTo(5_000L)
                .path("recordPurchase.purchase.paidCents").entity(Long.class).isEqualTo(20_000L)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(200L);
        member.documentName("myCoupons").variable("status", "USED").execute()
                .path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aCouponAndPointsPayOneOrderAndPointsAreEarnedOnTheRest() {
        HttpGraphQlTester member = member(unique("both"));
        till.earn(idOf(member), "E-1", 150_000);
        String coupon = claimed(member, Map.of());

        Map<String, Object> more = new HashMap<>(Map.of("couponIds", List.of(coupon), "pointsToRedeem", 1_000));
        till.buyPresent(member, "BOTH-1", 30_000, more)
                .path("recordPurchase.purchase.couponDiscountCents").entity(Long.class).isEqualTo(5_000L)
                .path("recordPurchase.purchase.redeemedCents").entity(Long.class).isEqualTo(1_000L)
                .path("recordPurchase.purchase.paidCents").entity(Long.class).isEqualTo(24_000L)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(288L) // 240 x 1.2 (银卡)
                .path("recordPurchase.purchase.member.pointsBalance").entity(Long.class).isEqualTo(1_500L - 1_000 + 288);
    }

    @Test
    void aCouponIsRedeemedOnceAndOnlyByItsOwner() {
        HttpGraphQlTester owner = member(unique("owner"));
        HttpGraphQlTester other = member(unique("other"));
        String coupon = claimed(owner, Map.of());

        buy(other, "O-1", coupon, 30_000, List.of()).path("recordPurchase.userErrors[0].code").entity(String.class)
                .isEqualTo("COUPON_NOT_USABLE");
        buy(owner, "O-2", coupon, 30_000, List.of()).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        buy(owner, "O-3", coupon, 30_000, List.of()).path("recordPurchase.userErrors[0].code").entity(String.class)
                .isEqualTo("COUPON_NOT_USABLE");
    }

    @Test
    void staffOfAnotherStoreCannotRedeemAStoreLimitedCoupon() {
        HttpGraphQlTester member = member(unique("local"));
        String coupon = claimed(member, Map.of("storeIds", List.of(store)));
        Till elsewhere = new Till(newStaff(createStore("elsewhere"), "CLERK"));

        elsewhere.buyPresent(member, "X-1", 30_000, Map.of("couponIds", List.of(coupon)))
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("COUPON_NOT_APPLICABLE");
        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aFullRefundReturnsOnlyCouponsThatAreStillValid() {
        String name = unique("refund");
        HttpGraphQlTester member = member(name);
        String longLived = claimed(member, Map.of("validDays", 30));
        String shortLived = claimed(member, Map.of("validDays", 7, "name", "7 天券"));
        buy(member, "R-LONG", longLived, 30_000, List.of());
        buy(member, "R-SHORT", shortLived, 30_000, List.of());

        till.refund("R-LONG", "RF-1", 30_000)
                .path("refundPurchase.refund.couponsReturned").entity(Integer.class).isEqualTo(1)
                .path("refundPurchase.refund.couponsKept").entity(Integer.class).isEqualTo(0);

        clock.advance(Duration.ofDays(8));
        new Till(newStaff(store, "CLERK")).refund("R-SHORT", "RF-2", 30_000)
                .path("refundPurchase.refund.couponsReturned").entity(Integer.class).isEqualTo(0)
                .path("refundPurchase.refund.couponsKept").entity(Integer.class).isEqualTo(1);

        HttpGraphQlTester later = member(name);
        later.documentName("myCoupons").variable("status", "USABLE").execute()
                .path("me.coupons.edges[*].node.id").entityList(String.class).containsExactly(longLived);
        later.documentName("myCoupons").variable("status", "USED").execute()
                .path("me.coupons.edges[*].node.id").entityList(String.class).containsExactly(shortLived);
    }

    private GraphQlTester.Response buy(HttpGraphQlTester member, String orderNo, String coupon, long amount,
                                       List<Map<String, Object>> items) {
        Map<String, Object> more = new HashMap<>(Map.of("couponIds", List.of(coupon)));
        if (!items.isEmpty()) {
            more.put("items", items);
        }
        return till.buyPresent(member, orderNo, amount, more);
    }

    private String claimed(HttpGraphQlTester member, Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "满200减50", "kind", "AMOUNT_OFF",
                "amountOffCents", 5_000, "thresholdCents", 20_000, "validDays", 30));
        input.putAll(overrides);
        String template = admin().documentName("createCouponTemplate").variable("input", input).execute()
                .path("createCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponTemplate.template.id").entity(String.class).get();
        return member.documentName("claimCoupon").variable("templateId", template).variable("key", unique("k"))
                .execute().path("claimCoupon.coupon.id").entity(String.class).get();
    }

    private static Map<String, Object> item(String category, int quantity, long unitPrice) {
        return Map.of("sku", "SKU-" + category, "name", category, "category", category, "quantity", quantity,
                "unitPriceCents", unitPrice);
    }
}

package com.loyalty.purchase;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** What a till sends is bounded: lines add up, numbers stay far from overflow, dates in the import window. */
class PurchaseBoundsTest extends IntegrationTest {

    private Till till;

    @BeforeEach
    void openTill() {
        till = new Till(newStaff(createStore("bounds"), "CLERK"));
    }

    @Test
    void itemLinesThatDoNotAddUpToTheAmountAreRefused() {
        // 糕点满100减20 on a 20 yuan order, with an invented 100 yuan line of 糕点 to meet the threshold
        HttpGraphQlTester member = member(unique("lines"));
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "糕点满100减20",
                        "kind", "AMOUNT_OFF", "amountOffCents", 2_000, "thresholdCents", 10_000, "validDays", 30,
                        "categories", List.of("糕点")))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String coupon = member.documentName("claimCoupon").variable("templateId", template).variable("key", "k")
                .execute().path("claimCoupon.coupon.id").entity(String.class).get();

        String code = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
        till.staff().documentName("recordPurchase").variable("input", Map.of("memberCodeToken", code,
                        "orderNo", "FAKE-LINES", "amountCents", 2_000, "couponIds", List.of(coupon),
                        "items", List.of(line(1, 10_000)))).execute()
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("recordPurchase.userErrors[0].field").entityList(String.class).containsExactly("input", "items")
                .path("recordPurchase.userErrors[0].message").entity(String.class)
                .isEqualTo("商品合计 10000 分，与订单金额 2000 分不一致");
        member.documentName("myCoupons").variable("status", "USABLE").execute()
                .path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1);

        till.buy(idOf(member), "TRUE-LINES", 2_000, Map.of("items", List.of(line(2, 1_000))))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void anAbsurdPointsToRedeemIsAClearError() {
        HttpGraphQlTester member = member(unique("absurd"));
        String id = idOf(member);
        till.earn(id, "E-1", 10_000);

        refused(till.buy(id, "HUGE-P", 10_000, Map.of("pointsToRedeem", 4611686018427387903L)), "pointsToRedeem");
        refused(till.buy(id, "HUGE-A", Long.MAX_VALUE), "amountCents");
        refused(till.buy(id, "OVER-A", 1_000_000_001L), "amountCents");
        refused(till.buy(id, "HUGE-Q", 10_000, Map.of("items", List.of(line(Integer.MAX_VALUE, 1)))), "items");
        refused(till.buy(id, "HUGE-U", 10_000, Map.of("items", List.of(line(1, Long.MAX_VALUE)))), "items");
        refused(till.buy(id, "HUGE-W", 10_000, Map.of("walletAmountCents", Long.MAX_VALUE)), "walletAmountCents");
        till.earn(id, "SMALL", 10_000);
        refused(till.refund("SMALL", "R-HUGE", Long.MAX_VALUE), "amountCents", "refundPurchase");
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(200L);
    }

    @Test
    void anOrderFromYearOneIsOutsideTheImportWindow() {
        String id = idOf(member(unique("import")));

        refused(till.buy(id, "YEAR-1", 10_000, Map.of("occurredAt", "0001-01-01T00:00:00Z")), "occurredAt")
                .path("recordPurchase.userErrors[0].message").entity(String.class).isEqualTo("下单时间只能补录最近 90 天内的订单");
        refused(till.buy(id, "TOO-OLD", 10_000,
                Map.of("occurredAt", clock.instant().minus(Duration.ofDays(91)).toString())), "occurredAt");
        refused(till.buy(id, "AHEAD", 10_000,
                Map.of("occurredAt", clock.instant().plus(Duration.ofMinutes(10)).toString())), "occurredAt");
        till.buy(id, "LAST-QUARTER", 10_000, Map.of("occurredAt", clock.instant().minus(Duration.ofDays(89)).toString()))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
    }

    private static GraphQlTester.Response refused(GraphQlTester.Response response, String field) {
        return refused(response, field, "recordPurchase");
    }

    /** A userError on the field, INVALID_INPUT, and no GraphQL error (no INTERNAL_ERROR). */
    private static GraphQlTester.Response refused(GraphQlTester.Response response, String field, String mutation) {
        response.errors().verify()
                .path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path(mutation + ".userErrors[0].field").entityList(String.class).containsExactly("input", field);
        return response;
    }

    private static Map<String, Object> line(long quantity, long unitPriceCents) {
        return Map.of("sku", "SKU-1", "name", "蛋糕", "category", "糕点", "quantity", quantity,
                "unitPriceCents", unitPriceCents);
    }
}

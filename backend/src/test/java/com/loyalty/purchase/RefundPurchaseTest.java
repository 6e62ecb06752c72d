package com.loyalty.purchase;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class RefundPurchaseTest extends IntegrationTest {

    private Till till;

    @BeforeEach
    void openTill() {
        till = new Till(newStaff(createStore("refund"), "CLERK"));
    }

    @Test
    void partialRefundsReverseEarnedPointsInProportionAndAddUpExactly() {
        HttpGraphQlTester member = member(unique("part"));
        String id = idOf(member);
        till.earn(id, "O-1", 10_000);

        till.refund("O-1", "R-1", 3_333).path("refundPurchase.refund.pointsReversed").entity(Long.class).isEqualTo(33L);
        till.refund("O-1", "R-2", 3_333).path("refundPurchase.refund.pointsReversed").entity(Long.class).isEqualTo(33L);
        till.refund("O-1", "R-3", 3_334)
                .path("refundPurchase.refund.pointsReversed").entity(Long.class).isEqualTo(34L)
                .path("refundPurchase.purchase.refundedCents").entity(Long.class).isEqualTo(10_000L)
                .path("refundPurchase.purchase.member.pointsBalance").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void aRefundTellsTheClerkHowMuchCashToHandBack() {
        HttpGraphQlTester member = member(unique("cash"));
        till.earn(idOf(member), "E-1", 80_000);
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "满200减50",
                        "kind", "AMOUNT_OFF", "amountOffCents", 5_000, "thresholdCents", 20_000, "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String coupon = member.documentName("claimCoupon").variable("templateId", template).variable("key", "k")
                .execute().path("claimCoupon.coupon.id").entity(String.class).get();
        // 200 yuan: the coupon takes 50, 500 points pay 5, the counter took 145
        till.buyPresent(member, "MIX", 20_000, Map.of("couponIds", java.util.List.of(coupon), "pointsToRedeem", 500))
                .path("recordPurchase.purchase.paidCents").entity(Long.class).isEqualTo(14_500L);

        till.refund("MIX", "R-1", 10_000)
                .path("refundPurchase.refund.cashToReturnCents").entity(Long.class).isEqualTo(7_250L)
                .path("refundPurchase.refund.pointsReturned").entity(Long.class).isEqualTo(250L);
        till.refund("MIX", "R-2", 3_333)
                .path("refundPurchase.refund.cashToReturnCents").entity(Long.class).isEqualTo(2_416L);
        till.refund("MIX", "R-3", 6_667)
                .path("refundPurchase.refund.cashToReturnCents").entity(Long.class).isEqualTo(14_500L - 7_250 - 2_416)
                .path("refundPurchase.refund.pointsReturned").entity(Long.class).isEqualTo(250L - 83)
                .path("refundPurchase.refund.couponsReturned").entity(Integer.class).isEqualTo(1);
        // a replay answers the same
        till.refund("MIX", "R-1", 10_000)
                .path("refundPurchase.replayed").entity(Boolean.class).isEqualTo(true)
                .path("refundPurchase.refund.cashToReturnCents").entity(Long.class).isEqualTo(7_250L);
        // a guest paid everything at the counter
        till.guest("G-1", 5_000);
        till.refund("G-1", "GR-1", 2_000)
                .path("refundPurchase.refund.cashToReturnCents").entity(Long.class).isEqualTo(2_000L);
    }

    @Test
    void aRefundGivesBackRedeemedPointsInProportion() {
        HttpGraphQlTester member = member(unique("back"));
        String id = idOf(member);
        till.earn(id, "E-1", 80_000);
        // 500 points pay 5 yuan of 200; the 195 yuan paid earn 195 points
        till.buyPresent(member, "O-1", 20_000, Map.of("pointsToRedeem", 500));

        till.refund("O-1", "R-1", 10_000)
                .path("refundPurchase.refund.pointsReversed").entity(Long.class).isEqualTo(97L)
                .path("refundPurchase.refund.pointsReturned").entity(Long.class).isEqualTo(250L);
        till.refund("O-1", "R-2", 10_000)
                .path("refundPurchase.refund.pointsReversed").entity(Long.class).isEqualTo(98L)
                .path("refundPurchase.refund.pointsReturned").entity(Long.class).isEqualTo(250L)
                .path("refundPurchase.purchase.member.pointsBalance").entity(Long.class).isEqualTo(800L);
    }

    @Test
    void repeatingARefundChangesNothingAndOverRefundingIsRefused() {
        HttpGraphQlTester member = member(unique("again"));
        String id = idOf(member);
        till.earn(id, "O-1", 10_000);
        till.refund("O-1", "R-1", 6_000).path("refundPurchase.replayed").entity(Boolean.class).isEqualTo(false);

        till.refund("O-1", "R-1", 6_000)
                .path("refundPurchase.replayed").entity(Boolean.class).isEqualTo(true)
                .path("refundPurchase.purchase.refundedCents").entity(Long.class).isEqualTo(6_000L);
        till.refund("O-1", "R-2", 4_001)
                .path("refundPurchase.refund").valueIsNull()
                .path("refundPurchase.userErrors[0].code").entity(String.class).isEqualTo("REFUND_EXCEEDS_ORDER");
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(40L);
    }

    @Test
    void reversingSpentPointsLeavesADebtThatLaterEarningsPayFirst() {
        HttpGraphQlTester member = member(unique("debt"));
        String id = idOf(member);
        till.earn(id, "O-1", 10_000);
        till.buyPresent(member, "SPEND", 100, Map.of("pointsToRedeem", 100));

        till.refund("O-1", "R-1", 10_000)
                .path("refundPurchase.purchase.member.pointsBalance").entity(Long.class).isEqualTo(-100L);
        till.earn(id, "O-2", 15_000);

        member.documentName("myPoints").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(50L)
                .path("me.pointsExpiringSoon").entityList(Object.class).hasSize(0);
        Long open = db.sql("select coalesce(sum(remaining), 0)::bigint as n from points_grant where member_id = :m")
                .bind("m", Long.parseLong(id)).map(row -> row.get("n", Long.class)).one().block();
        org.assertj.core.api.Assertions.assertThat(open).isEqualTo(50L);
    }
}

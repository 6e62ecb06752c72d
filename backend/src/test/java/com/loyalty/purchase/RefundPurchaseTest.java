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
    void aRefundGivesBackRedeemedPointsInProportion() {
        String id = idOf(member(unique("back")));
        till.earn(id, "E-1", 80_000);
        // 500 points pay 5 yuan of 200; the 195 yuan paid earn 195 points
        till.buy(id, "O-1", 20_000, Map.of("pointsToRedeem", 500));

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
        till.buy(id, "SPEND", 100, Map.of("pointsToRedeem", 100));

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

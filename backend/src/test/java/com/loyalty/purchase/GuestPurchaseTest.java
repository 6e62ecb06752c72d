package com.loyalty.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Orders of walk-in customers who are not members (非会员): recorded, replayed and refunded, never a member's. */
class GuestPurchaseTest extends IntegrationTest {

    @Autowired
    BrandProperties brand;

    private String store;
    private Till till;

    @BeforeEach
    void openTill() {
        store = createStore("walk-in");
        till = new Till(newStaff(store, "CLERK"));
    }

    @Test
    void aGuestOrderIsRecordedWithoutAMemberOrPointsAndAReplayChangesNothing() {
        till.guest("G-1", 4_500, Map.of("items", List.of(Map.of("sku", "TEA-1", "name", "乌龙茶", "category", "茶饮",
                        "quantity", 1, "unitPriceCents", 4_500))))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(false)
                .path("recordPurchase.purchase.memberOrder").entity(Boolean.class).isEqualTo(false)
                .path("recordPurchase.purchase.member").valueIsNull()
                .path("recordPurchase.purchase.storeId").entity(String.class).isEqualTo(store)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(0L)
                .path("recordPurchase.purchase.earnBreakdown").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.paidCents").entity(Long.class).isEqualTo(4_500L);

        till.guest("G-1", 9_999)
                .path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(true)
                .path("recordPurchase.purchase.amountCents").entity(Long.class).isEqualTo(4_500L);
        assertThat(count("select count(*) as n from purchase where store_id = " + store + " and order_no = 'G-1'"))
                .isEqualTo(1);
        assertThat(count("select count(*) as n from purchase_item i join purchase p on p.id = i.purchase_id"
                + " where p.store_id = " + store + " and p.order_no = 'G-1'")).isEqualTo(1);
    }

    @Test
    void theSameGuestOrderSentTwelveTimesAtOnceIsRecordedOnce() {
        List<Boolean> replayed = inParallel(12, i -> till.guest("G-RUSH", 2_000)
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.replayed").entity(Boolean.class).get());

        assertThat(replayed).filteredOn(r -> !r).hasSize(1);
        assertThat(count("select count(*) as n from purchase where store_id = " + store + " and order_no = 'G-RUSH'"))
                .isEqualTo(1);
    }

    @Test
    void onlyMembersPayWithPointsOrCoupons() {
        till.guest("G-P", 10_000, Map.of("pointsToRedeem", 100))
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].field").entityList(String.class).containsExactly("input", "pointsToRedeem")
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("recordPurchase.userErrors[0].message").entity(String.class).satisfies(m ->
                        assertThat(m).contains("非会员"));
        till.guest("G-C", 10_000, Map.of("couponIds", List.of("1")))
                .path("recordPurchase.userErrors[0].field").entityList(String.class).containsExactly("input", "couponIds");
        String member = idOf(member(unique("both")));
        till.guest("G-B", 10_000, Map.of("memberId", member, "memberCodeToken", "x"))
                .path("recordPurchase.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "memberCodeToken");
        assertThat(count("select count(*) as n from purchase where store_id = " + store)).isZero();
    }

    @Test
    void aGuestOrderIsRefundedInPartsWithNothingToReverse() {
        till.guest("G-R", 10_000);

        till.refund("G-R", "R-1", 4_000)
                .path("refundPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("refundPurchase.replayed").entity(Boolean.class).isEqualTo(false)
                .path("refundPurchase.refund.pointsReversed").entity(Long.class).isEqualTo(0L)
                .path("refundPurchase.refund.pointsReturned").entity(Long.class).isEqualTo(0L)
                .path("refundPurchase.refund.couponsReturned").entity(Integer.class).isEqualTo(0)
                .path("refundPurchase.purchase.refundedCents").entity(Long.class).isEqualTo(4_000L)
                .path("refundPurchase.purchase.memberOrder").entity(Boolean.class).isEqualTo(false)
                .path("refundPurchase.purchase.member").valueIsNull();
        till.refund("G-R", "R-1", 4_000)
                .path("refundPurchase.replayed").entity(Boolean.class).isEqualTo(true)
                .path("refundPurchase.purchase.refundedCents").entity(Long.class).isEqualTo(4_000L);
        till.refund("G-R", "R-2", 6_001)
                .path("refundPurchase.userErrors[0].code").entity(String.class).isEqualTo("REFUND_EXCEEDS_ORDER");

        List<Boolean> replayed = inParallel(12, i -> till.refund("G-R", "R-" + (3 + i % 2), 3_000)
                .path("refundPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("refundPurchase.replayed").entity(Boolean.class).get());
        assertThat(replayed).filteredOn(r -> !r).hasSize(2);
        assertThat(count("select refunded_cents as n from purchase where store_id = " + store + " and order_no = 'G-R'"))
                .isEqualTo(10_000);
    }

    @Test
    void guestOrdersChangeNoMembersNumbers() {
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        HttpGraphQlTester buyer = member(unique("regular"));
        String buyerId = idOf(buyer);
        till.earn(buyerId, "M-1", 12_000);
        till.earn(buyerId, "M-2", 3_000);
        admin().documentName("runJob").variable("job", "MEMBER_SEGMENTS").execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);
        Object today = manager.documentName("todayNumbers").execute().path("todayNumbers").entity(Map.class).get();
        Object profile = profile(manager, buyerId);
        Object segments = segments();
        Object tier = buyer.documentName("myTier").execute().path("me").entity(Map.class).get();

        till.guest("G-1", 1_000_000);
        till.guest("G-2", 5_000, Map.of("items", List.of(Map.of("sku", "TEA-1", "name", "乌龙茶", "category", "茶饮",
                "quantity", 1, "unitPriceCents", 5_000))));
        till.guest("G-2", 5_000);
        till.refund("G-2", "R-1", 5_000);
        admin().documentName("runJob").variable("job", "MEMBER_SEGMENTS").execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);

        assertThat(manager.documentName("todayNumbers").execute().path("todayNumbers").entity(Map.class).get())
                .isEqualTo(today);
        assertThat(profile(manager, buyerId)).isEqualTo(profile);
        assertThat(segments()).isEqualTo(segments);
        assertThat(buyer.documentName("myTier").execute().path("me").entity(Map.class).get()).isEqualTo(tier);
        // the tier review takes guest orders in its stride (they belong to no member)
        admin().documentName("runJob").variable("job", "TIER_REVIEW").execute()
                .path("runJob.userErrors").entityList(Object.class).hasSize(0);
        assertThat(buyer.documentName("myTier").execute().path("me").entity(Map.class).get()).isEqualTo(tier);
    }

    private Object profile(HttpGraphQlTester staff, String memberId) {
        return staff.documentName("memberProfile").variable("id", memberId).execute()
                .path("member").entity(Map.class).get();
    }

    private Object segments() {
        return admin().documentName("memberSegments").execute().path("memberSegments").entity(Map.class).get();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> ((Number) row.get("n")).longValue()).one().block();
    }
}

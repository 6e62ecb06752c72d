package com.loyalty.purchase;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Spending a member's points, coupons or stored value needs the member at the till: their code, or
 * the proof its scan handed this till for one order. A member id alone only earns.
 */
class SpendingNeedsTheMemberTest extends IntegrationTest {

    private String store;
    private Till home;

    @BeforeEach
    void openTill() {
        store = createStore("proof");
        home = new Till(newStaff(store, "CLERK"));
    }

    @Test
    void aClerkWithOnlyAMemberIdCannotSpendTheirPoints() {
        HttpGraphQlTester member = member(unique("victim"));
        String id = idOf(member);
        home.earn(id, "E-1", 50_000);
        Till elsewhere = new Till(newStaff(createStore("thief"), "CLERK"));

        elsewhere.buy(id, "STEAL-1", 500, Map.of("pointsToRedeem", 500))
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_REQUIRED")
                .path("recordPurchase.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "pointsToRedeem")
                .path("recordPurchase.userErrors[0].message").entity(String.class).isEqualTo(
                        "使用积分、优惠券或储值需会员在场：请扫描会员的动态会员码");
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(500L);
        // earning by id still works
        elsewhere.earn(id, "EARN-1", 1_000);
    }

    @Test
    void aClerkWithOnlyAMemberIdCannotSpendTheirCoupon() {
        HttpGraphQlTester member = member(unique("holder"));
        String coupon = claimed(member);
        Till elsewhere = new Till(newStaff(createStore("thief"), "CLERK"));

        elsewhere.buy(idOf(member), "STEAL-2", 30_000, Map.of("couponIds", List.of(coupon)))
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_REQUIRED")
                .path("recordPurchase.userErrors[0].field").entityList(String.class).containsExactly("input", "couponIds");
        member.documentName("myCoupons").variable("status", "USABLE").execute()
                .path("me.coupons.edges[*].node.id").entityList(String.class).containsExactly(coupon);
    }

    @Test
    void aScannedCodesProofLetsTheTillSpendForThatOrderOnly() {
        HttpGraphQlTester member = member(unique("present"));
        home.earn(idOf(member), "E-1", 50_000);
        String proof = home.scan(member);

        home.buyWithProof(proof, "P-1", 1_000, Map.of("pointsToRedeem", 100))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.redeemedCents").entity(Long.class).isEqualTo(100L)
                .path("recordPurchase.purchase.member.id").entity(String.class).isEqualTo(idOf(member));
        // a retry of the same order answers the first result
        home.buyWithProof(proof, "P-1", 1_000, Map.of("pointsToRedeem", 100))
                .path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(true);
        // another order needs another scan
        home.buyWithProof(proof, "P-2", 1_000, Map.of("pointsToRedeem", 100))
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_INVALID")
                .path("recordPurchase.userErrors[0].field").entityList(String.class).containsExactly("input", "tillProof");

        // an order that failed may be sent again with its proof, corrected
        String second = home.scan(member);
        home.buyWithProof(second, "P-3", 100_000, Map.of("pointsToRedeem", 100_000))
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_POINTS");
        home.buyWithProof(second, "P-3", 100_000, Map.of("pointsToRedeem", 300))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.pointsRedeemed").entity(Long.class).isEqualTo(300L);
    }

    @Test
    void aProofFromAnotherStoreOrClerkIsRefused() {
        HttpGraphQlTester member = member(unique("moved"));
        home.earn(idOf(member), "E-1", 50_000);
        Till colleague = new Till(newStaff(store, "CLERK"));
        Till otherStore = new Till(newStaff(createStore("other"), "CLERK"));
        String proof = home.scan(member);

        for (Till till : List.of(colleague, otherStore)) {
            till.buyWithProof(proof, unique("O"), 1_000, Map.of("pointsToRedeem", 100))
                    .path("recordPurchase.purchase").valueIsNull()
                    .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_INVALID");
        }
        // naming another member than the proof's
        String otherMember = idOf(member(unique("someone")));
        home.buyWithProof(proof, "O-X", 1_000, Map.of("memberId", otherMember, "pointsToRedeem", 100))
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_INVALID");
        home.buyWithProof("made-up-proof", "O-Y", 1_000, Map.of("pointsToRedeem", 100))
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_INVALID");
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(500L);
    }

    @Test
    void aProofExpiresAfterTenMinutes() {
        HttpGraphQlTester member = member(unique("slow"));
        home.earn(idOf(member), "E-1", 50_000);
        String proof = home.scan(member);

        clock.advance(Duration.ofMinutes(11));

        home.buyWithProof(proof, "LATE", 1_000, Map.of("pointsToRedeem", 100))
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_INVALID");
    }

    @Test
    void theMembersCodeItselfStillPaysWithoutAScan() {
        HttpGraphQlTester member = member(unique("pos"));
        home.earn(idOf(member), "E-1", 50_000);
        String code = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();

        home.staff().documentName("recordPurchase").variable("input", Map.of("memberCodeToken", code,
                        "orderNo", "POS-1", "amountCents", 1_000, "pointsToRedeem", 100)).execute()
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.redeemedCents").entity(Long.class).isEqualTo(100L);
    }

    private String claimed(HttpGraphQlTester member) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "满200减50", "kind", "AMOUNT_OFF",
                "amountOffCents", 5_000, "thresholdCents", 20_000, "validDays", 30));
        String template = admin().documentName("createCouponTemplate").variable("input", input).execute()
                .path("createCouponTemplate.template.id").entity(String.class).get();
        return member.documentName("claimCoupon").variable("templateId", template).variable("key", unique("k"))
                .execute()
                .path("claimCoupon.coupon.id").entity(String.class).get();
    }
}

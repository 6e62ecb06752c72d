package com.loyalty.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class RecordPurchaseTest extends IntegrationTest {

    private String store;
    private Till till;

    @BeforeEach
    void openTill() {
        store = createStore("till");
        till = new Till(newStaff(store, "CLERK"));
    }

    @Test
    void aPurchaseEarnsOnePointPerYuanPaidWithTheRuleShown() {
        HttpGraphQlTester member = member(unique("buyer"));
        String id = idOf(member);

        till.buy(id, "A-1", 25_880, Map.of("occurredAt", "2026-11-03T10:00:00+08:00",
                        "items", List.of(Map.of("sku", "TEA-1", "name", "乌龙茶", "category", "茶饮", "quantity", 2,
                                "unitPriceCents", 12_940))))
                .path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(false)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(258L)
                .path("recordPurchase.purchase.earnBreakdown[*].rule").entityList(String.class).containsExactly("BASE")
                .path("recordPurchase.purchase.member.pointsBalance").entity(Long.class).isEqualTo(258L);

        member.documentName("myPoints").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(258L)
                .path("me.pointsHistory.edges[0].node.kind").entity(String.class).isEqualTo("EARN")
                .path("me.pointsHistory.edges[0].node.orderNo").entity(String.class).isEqualTo("A-1")
                .path("me.pointsHistory.edges[0].node.storeId").entity(String.class).isEqualTo(store)
                .path("me.pointsHistory.edges[0].node.store.name").entity(String.class).satisfies(n ->
                        org.assertj.core.api.Assertions.assertThat(n).startsWith("till-"))
                .path("me.pointsHistory.edges[0].node.expiresAt").entity(String.class).isEqualTo("2027-11-30T23:59:59+08:00");
    }

    @Test
    void memberDayDoublesThePoints() {
        String id = idOf(member(unique("md")));

        till.buy(id, "MD-1", 10_000, Map.of("occurredAt", "2026-11-08T15:00:00+08:00"))
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(200L)
                .path("recordPurchase.purchase.earnBreakdown[1].rule").entity(String.class).isEqualTo("MEMBER_DAY")
                .path("recordPurchase.purchase.earnBreakdown[1].points").entity(Long.class).isEqualTo(100L);
    }

    @Test
    void birthdayMonthDoublesAndStacksWithMemberDay() {
        HttpGraphQlTester member = member(unique("bd"));
        member.documentName("updateProfile").variable("input", Map.of("birthday", "1990-11-20")).execute();
        String id = idOf(member);

        till.buy(id, "BD-1", 10_000, Map.of("occurredAt", "2026-11-02T15:00:00+08:00"))
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(200L);
        till.buy(id, "BD-2", 10_000, Map.of("occurredAt", "2026-11-08T15:00:00+08:00"))
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(400L)
                .path("recordPurchase.purchase.earnBreakdown[*].rule").entityList(String.class)
                .containsExactly("BASE", "MEMBER_DAY", "BIRTHDAY")
                .path("recordPurchase.purchase.earnBreakdown[*].points").entityList(Long.class)
                .containsExactly(100L, 100L, 200L);
        till.buy(id, "BD-3", 10_000, Map.of("occurredAt", "2026-10-20T15:00:00+08:00"))
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L);
    }

    @Test
    void theSameOrderSentTwentyFourTimesAtOnceIsRecordedOnce() {
        HttpGraphQlTester member = member(unique("rush"));
        String id = idOf(member);

        List<Boolean> replayed = inParallel(24, i -> till.buy(id, "DUP-1", 9_900)
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.replayed").entity(Boolean.class).get());

        assertThat(replayed).filteredOn(r -> !r).hasSize(1);
        member.documentName("myPoints").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(99L)
                .path("me.pointsHistory.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aMemberCodeScannedAtTheTillIdentifiesTheBuyerAndSurvivesARetry() {
        HttpGraphQlTester member = member(unique("code"));
        String token = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
        Map<String, Object> order = Map.of("memberCodeToken", token, "orderNo", "QR-1", "amountCents", 5_000);

        till.staff().documentName("recordPurchase").variable("input", order).execute()
                .path("recordPurchase.purchase.member.id").entity(String.class).isEqualTo(idOf(member));
        till.staff().documentName("recordPurchase").variable("input", order).execute()
                .path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(true);
        till.staff().documentName("recordPurchase")
                .variable("input", Map.of("memberCodeToken", token, "orderNo", "QR-2", "amountCents", 5_000)).execute()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("CODE_USED");
    }

    @Test
    void badOrdersAreUserErrors() {
        String id = idOf(member(unique("bad")));
        till.buy(id, "B-1", 0).path("recordPurchase.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "amountCents");
        till.buy(id, "B-2", 100, Map.of("pointsToRedeem", 500)).path("recordPurchase.userErrors[0].field")
                .entityList(String.class).containsExactly("input", "pointsToRedeem");
        till.buy(id, "B-3", 100, Map.of("occurredAt", "2099-01-01T00:00:00+08:00"))
                .path("recordPurchase.userErrors[0].field").entityList(String.class).containsExactly("input", "occurredAt");
        till.buy("999999999", "B-4", 100).path("recordPurchase.userErrors[0].code").entity(String.class)
                .isEqualTo("MEMBER_NOT_FOUND");
    }

    @Test
    void aClerkRecordsOnlyAtTheirOwnStore() {
        String id = idOf(member(unique("other")));
        String otherStore = createStore("other");

        till.buy(id, "X-1", 1_000, Map.of("storeId", otherStore))
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        new Till(newStaff(otherStore, "CLERK")).earn(id, "X-1", 1_000);
        till.refund("X-1", "R-1", 1_000).path("refundPurchase.userErrors[0].code").entity(String.class)
                .isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void membersCannotCallTillMutations() {
        HttpGraphQlTester member = member(unique("sneaky"));
        new Till(member).buy(idOf(member), "S-1", 100_000)
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        new Till(member).refund("S-1", "R-1", 100)
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }
}

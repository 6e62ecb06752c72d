package com.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class RedeemPointsTest extends IntegrationTest {

    private Till till;

    @BeforeEach
    void openTill() {
        till = new Till(newStaff(createStore("redeem"), "CLERK"));
    }

    @Test
    void pointsPayPartOfTheOrderAndTheRestEarns() {
        HttpGraphQlTester member = member(unique("payer"));
        String id = idOf(member);
        till.earn(id, "E-1", 80_000);

        till.buyPresent(member, "P-1", 20_000, Map.of("pointsToRedeem", 500))
                .path("recordPurchase.purchase.redeemedCents").entity(Long.class).isEqualTo(500L)
                .path("recordPurchase.purchase.paidCents").entity(Long.class).isEqualTo(19_500L)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(195L)
                .path("recordPurchase.purchase.member.pointsBalance").entity(Long.class).isEqualTo(800L - 500 + 195);
    }

    @Test
    void spendTakesSoonestExpiringPointsFirst() {
        HttpGraphQlTester member = member(unique("fifo"));
        String id = idOf(member);
        // 70 days apart: earned in different months, so OLD's points expire a month or more before NEW's
        till.buy(id, "NEW", 30_000, Map.of("occurredAt", clock.instant().minus(Duration.ofDays(10)).toString()));
        till.buy(id, "OLD", 20_000, Map.of("occurredAt", clock.instant().minus(Duration.ofDays(80)).toString()));

        till.buyPresent(member, "SPEND", 250, Map.of("pointsToRedeem", 250));

        List<Map<String, Object>> taken = db.sql("""
                        select p.order_no, a.amount from points_allocation a
                        join points_ledger spend on spend.id = a.ledger_id and spend.kind = 'REDEEM'
                        join points_ledger earn on earn.id = a.grant_id
                        join purchase p on p.id = earn.purchase_id
                        where spend.member_id = :m order by a.amount desc
                        """)
                .bind("m", Long.parseLong(id))
                .map(row -> Map.<String, Object>of("order", row.get("order_no", String.class),
                        "points", row.get("amount", Long.class)))
                .all().collectList().block();
        assertThat(taken).hasSize(2);
        assertThat(taken).anySatisfy(row -> assertThat(row).containsEntry("order", "OLD").containsEntry("points", 200L));
        assertThat(taken).anySatisfy(row -> assertThat(row).containsEntry("order", "NEW").containsEntry("points", 50L));
    }

    @Test
    void notEnoughPointsRecordsNothing() {
        HttpGraphQlTester member = member(unique("short"));
        String id = idOf(member);
        till.earn(id, "E-1", 10_000);

        till.buyPresent(member, "TOO-MUCH", 50_000, Map.of("pointsToRedeem", 101))
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_POINTS");

        member.documentName("myPoints").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(100L)
                .path("me.pointsHistory.totalCount").entity(Integer.class).isEqualTo(1);
        // the same order again, with the same scan's proof (bound to this order) or a new one
        till.buyPresent(member, "TOO-MUCH", 50_000, Map.of("pointsToRedeem", 100))
                .path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void parallelRedemptionsNeverOverspend() {
        HttpGraphQlTester member = member(unique("race"));
        String id = idOf(member);
        till.earn(id, "E-1", 50_000);

        // each order is paid fully with 100 points, so it earns nothing back; the member was scanned for each
        List<String> proofs = java.util.stream.IntStream.range(0, 10).mapToObj(i -> till.scan(member)).toList();
        List<String> outcomes = inParallel(10, i -> till.buyWithProof(proofs.get(i), "R-" + i, 100,
                        Map.of("pointsToRedeem", 100))
                .path("recordPurchase.userErrors[*].code").entityList(String.class).get()
                .stream().findFirst().orElse("OK"));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("INSUFFICIENT_POINTS"::equals).hasSize(5);
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void historyPagesNewestFirst() {
        HttpGraphQlTester member = member(unique("pages"));
        String id = idOf(member);
        till.earn(id, "H-1", 1_000);
        till.earn(id, "H-2", 2_000);
        till.earn(id, "H-3", 3_000);

        String cursor = member.documentName("myPoints").variable("first", 2).execute()
                .path("me.pointsHistory.totalCount").entity(Integer.class).isEqualTo(3)
                .path("me.pointsHistory.edges[*].node.orderNo").entityList(String.class).containsExactly("H-3", "H-2")
                .path("me.pointsHistory.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("me.pointsHistory.pageInfo.endCursor").entity(String.class).get();

        member.documentName("myPoints").variable("first", 2).variable("after", cursor).execute()
                .path("me.pointsHistory.edges[*].node.orderNo").entityList(String.class).containsExactly("H-1")
                .path("me.pointsHistory.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }
}

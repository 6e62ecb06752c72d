package com.loyalty.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.ServicesBehindProxies;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Postgres goes away in the middle of a rush of purchases (the backend reaches it through a proxy
 * the test cuts, {@link ServicesBehindProxies}): requests fail cleanly, no purchase is half written, and the backend recovers by
 * itself when Postgres is back; resending the orders records each exactly once.
 */
class PostgresOutageTest extends ServicesBehindProxies {

    @Test
    void purchasesCaughtByAnOutageFailCleanlyAndResendingThemCountsEachOnce() throws Exception {
        HttpGraphQlTester member = member(unique("outage"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(createStore("outage"), "CLERK"));
        ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<?> cut = new CompletableFuture<>();
        cutter.schedule(() -> {
            postgres.cut();
            cut.complete(null);
        }, 150, TimeUnit.MILLISECONDS);

        List<String> outcomes = inParallel(40, i -> outcome(till, memberId, "RUSH-" + i));
        cut.get(10, TimeUnit.SECONDS);
        List<String> duringOutage = inParallel(4, i -> outcome(till, memberId, "DOWN-" + i));
        postgres.restore();
        cutter.shutdown();

        assertThat(duringOutage).as("with Postgres gone a purchase answers UNAVAILABLE").containsOnly("UNAVAILABLE");
        assertThat(outcomes).allMatch(o -> o.equals("OK") || o.equals("UNAVAILABLE") || o.equals("INTERNAL_ERROR"));
        awaitRecovery(till, memberId);
        List<String> resent = inParallel(40, i -> outcome(till, memberId, "RUSH-" + i));
        assertThat(resent).containsOnly("OK");

        long purchases = count("select count(*) as n from purchase where member_id = :m", memberId);
        long earnings = count("select count(*) as n from points_ledger where member_id = :m and kind = 'EARN'", memberId);
        assertThat(purchases).isEqualTo(41);
        assertThat(earnings).as("every purchase has its points, none twice").isEqualTo(purchases);
        // 100 points an order until the member's tier rises and with it the rate
        long earned = count("select sum(points_earned) as n from purchase where member_id = :m", memberId);
        assertThat(earned).isGreaterThanOrEqualTo(41 * 100L);
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(earned);
    }

    /** Once Postgres is back, purchases go through again without a restart (within a few tries). */
    private void awaitRecovery(Till till, String memberId) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (outcome(till, memberId, "AFTER").equals("OK")) {
                return;
            }
            Thread.sleep(Duration.ofMillis(500).toMillis());
        }
        throw new AssertionError("the backend did not recover after Postgres came back");
    }

    private static String outcome(Till till, String memberId, String orderNo) {
        Map<String, Object> response = till.staff().documentName("recordPurchase")
                .variable("input", Map.of("memberId", memberId, "orderNo", orderNo, "amountCents", 10_000))
                .execute().returnResponse().toMap();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
        if (errors.isEmpty()) {
            return "OK";
        }
        Map<?, ?> extensions = (Map<?, ?>) errors.get(0).getOrDefault("extensions", Map.of());
        return String.valueOf(extensions.get("classification"));
    }

    private long count(String sql, String memberId) {
        return db.sql(sql).bind("m", Long.parseLong(memberId)).map(row -> row.get("n", Long.class)).one().block();
    }
}

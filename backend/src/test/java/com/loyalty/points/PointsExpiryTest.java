package com.loyalty.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PointsExpiryTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.redisson.api.RedissonClient redis;

    private Till till;

    @BeforeEach
    void openTill() {
        till = new Till(newStaff(createStore("expiry"), "CLERK"));
    }

    @Test
    void pointsExpireAtTheEndOfTheTwelfthMonthOnceOnly() {
        String name = unique("old");
        // OLD's 300 points are valid to 2026-12-31 23:59:59, NEW's 100 to 2027-10-31
        at("2025-12-10");
        String id = idOf(member(name));
        till.buy(id, "OLD", 30_000);
        at("2026-10-10");
        till.buy(id, "NEW", 10_000);
        till.buyPresent(member(name), "SPEND", 100, Map.of("pointsToRedeem", 100));

        runExpiry("2026-12-31");
        member(name).documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(300L);

        runExpiry("2027-01-01");
        runExpiry("2027-01-01");

        member(name).documentName("myPoints").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(100L)
                .path("me.pointsHistory.edges[0].node.kind").entity(String.class).isEqualTo("EXPIRE")
                .path("me.pointsHistory.edges[0].node.delta").entity(Long.class).isEqualTo(-200L)
                .path("me.pointsHistory.totalCount").entity(Integer.class).isEqualTo(4); // 2 earned, 1 redeemed, 1 expired
    }

    @Test
    void membersAreRemindedOnceBeforePointsExpire() {
        at("2025-11-15");
        String id = idOf(member(unique("remind")));
        till.buy(id, "SOON", 12_300);

        runExpiry("2026-10-20");
        assertThat(reminders(id)).isEmpty();

        runExpiry("2026-11-10");
        runExpiry("2026-11-11");

        assertThat(reminders(id)).containsExactly("{\"points\":123,\"expiresOn\":\"2026-11-30\"}");
    }

    @Test
    void aJobRunningOnAnotherInstanceIsNotStartedTwice() throws Exception {
        org.redisson.api.RLock lock = redis.getLock("jobs:lock:POINTS_EXPIRY");
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> lock.lock()).get();
            admin().documentName("runJob").variable("job", "POINTS_EXPIRY").variable("asOf", "2026-11-01").execute()
                    .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("skipped"));
        } finally {
            other.submit(lock::unlock).get();
            other.shutdown();
        }
    }

    @Test
    void onlyAnAdminRunsJobs() {
        newStaff(createStore("mgr"), "STORE_MANAGER").documentName("runJob").variable("job", "POINTS_EXPIRY").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    /** Moves the clock to noon of the day in Shanghai (jobs run only for days that have come). */
    private void at(String day) {
        clock.setTo(java.time.LocalDate.parse(day).atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private void runExpiry(String asOf) {
        at(asOf);
        admin().documentName("runJob").variable("job", "POINTS_EXPIRY").variable("asOf", asOf).execute()
                .path("runJob.asOf").entity(String.class).isEqualTo(asOf)
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("expired"));
    }

    private List<String> reminders(String memberId) {
        return db.sql("select payload from notification_outbox where member_id = :m and kind = 'POINTS_EXPIRING'")
                .bind("m", Long.parseLong(memberId))
                .map(row -> row.get("payload", String.class)).all().collectList().block();
    }
}

package com.loyalty.shared.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.ServicesBehindProxies;
import com.loyalty.support.Till;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The backend reaches Redis through a proxy the test cuts ({@link ServicesBehindProxies}): Postgres is the truth, so the till,
 * points and check-in keep working; what lives in Redis fails with a clear error and comes back.
 */
class RedisOutageTest extends ServicesBehindProxies {

    @Test
    void withRedisDownTheTillPointsAndCheckInWorkAndLeaderboardsAreRebuiltAfterwards() {
        String name = unique("outage");
        Map<String, Object> session = login(name);
        HttpGraphQlTester member = withToken((String) session.get("accessToken"));
        String memberId = idOf(member);
        Till till = new Till(newStaff(createStore("outage"), "CLERK"));
        HttpGraphQlTester admin = admin();

        redis.cut();
        long earned = till.earn(memberId, unique("order"), 12_800);
        member.documentName("checkIn").execute().path("checkIn.userErrors").entityList(Object.class).hasSize(0);
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(earned + 1);
        var board = member.documentName("leaderboard")
                .variable("input", Map.of("scope", "BRAND", "period", "MONTH", "metric", "POINTS_EARNED")).execute();
        board.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("UNAVAILABLE");
            assertThat(e.getMessage()).contains("请稍后再试");
        }));
        var refresh = anonymous().documentName("refreshSession").variable("refreshToken", session.get("refreshToken")).execute();
        refresh.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAVAILABLE")));

        redis.restore();
        admin.document("mutation { rebuildLeaderboards(input: { period: MONTH }) { boards } }").execute();
        member.documentName("leaderboard")
                .variable("input", Map.of("scope", "BRAND", "period", "MONTH", "metric", "POINTS_EARNED")).execute()
                .path("leaderboard.myEntry.score").entity(Long.class).isEqualTo(earned + 1);
    }

    @Test
    void withRedisDownDisabledStaffAndClosedAccountsStayRefusedAndEndingASessionWaitsForRedis() {
        String store = createStore("outage-staff");
        String leaverName = createStaff(store, "CLERK");
        HttpGraphQlTester leaver = staff(leaverName, STAFF_PASSWORD);
        String leaverId = leaver.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        HttpGraphQlTester colleague = staff(createStaff(store, "CLERK"), STAFF_PASSWORD);
        String colleagueId = colleague.documentName("currentStaff").execute()
                .path("currentStaff.id").entity(String.class).get();
        String memberId = idOf(member(unique("outage-buyer")));
        HttpGraphQlTester leaving = member(unique("outage-leaving"));
        HttpGraphQlTester admin = admin();
        admin.documentName("setStaffEnabled").variable("staffId", leaverId).variable("enabled", false).execute()
                .path("setStaffEnabled.staff.enabled").entity(Boolean.class).isEqualTo(false);
        leaving.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.userErrors").entityList(Object.class).hasSize(0);

        redis.cut();
        // PostgreSQL still knows who is disabled or leaving
        unauthenticated(new Till(leaver).buy(memberId, unique("order"), 100_000), "recordPurchase");
        unauthenticated(leaving.documentName("checkIn").execute(), "checkIn");
        new Till(colleague).earn(memberId, unique("order"), 5_000);
        // ending a sign-in needs Redis: nothing changes, the admin is told to retry
        admin.documentName("setStaffEnabled").variable("staffId", colleagueId).variable("enabled", false).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAVAILABLE")));
        new Till(colleague).earn(memberId, unique("order"), 5_000);

        redis.restore();
        unauthenticated(new Till(leaver).buy(memberId, unique("order"), 100_000), "recordPurchase");
        admin.documentName("setStaffEnabled").variable("staffId", colleagueId).variable("enabled", false).execute()
                .path("setStaffEnabled.staff.enabled").entity(Boolean.class).isEqualTo(false);
        unauthenticated(new Till(colleague).buy(memberId, unique("order"), 5_000), "recordPurchase");
    }

    private static void unauthenticated(org.springframework.graphql.test.tester.GraphQlTester.Response response,
                                        String field) {
        response.errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))
                && java.util.List.of(field).equals(e.getParsedPath())).verify();
    }
}

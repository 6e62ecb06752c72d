package com.loyalty.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class LeaderboardTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    RedissonClient redis;
    @Autowired
    BrandProperties brand;

    @Test
    void storeRanksEqualASqlRankingAndSurviveARedisFlushAndRebuild() {
        String store = createStore("board");
        Till till = new Till(newStaff(store, "CLERK"));
        HttpGraphQlTester a = named("甲");
        HttpGraphQlTester b = named("乙");
        HttpGraphQlTester c = named("丙");
        till.earn(idOf(b), "B-1", 30_000);
        till.earn(idOf(a), "A-1", 10_000);
        till.earn(idOf(c), "C-1", 30_000); // ties with b, who became a member earlier
        till.earn(idOf(a), "A-2", 5_000);
        till.refund("B-1", "R-1", 10_000); // takes back 100 of b's points

        List<Map<String, Object>> before = board(c, store, 10);
        assertThat(before).extracting(e -> e.get("nickname")).containsExactly("丙*", "乙*", "甲*");
        assertThat(before).extracting(e -> ((Number) e.get("score")).longValue()).containsExactlyElementsOf(sqlScores(store));

        for (BoardPeriod period : BoardPeriod.values()) {
            for (BoardScope scope : BoardScope.values()) {
                long scopeId = scope == BoardScope.BRAND ? 1 : Long.parseLong(store);
                redis.getKeys().delete(LeaderboardService.key(BoardMetric.POINTS_EARNED, scope, scopeId, period,
                        LocalDate.now(SHANGHAI)));
            }
        }
        assertThat(board(c, store, 10)).isEmpty();

        admin().document("mutation { rebuildLeaderboards(input: { period: WEEK }) { boards } }").execute()
                .path("rebuildLeaderboards.boards").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
        assertThat(board(c, store, 10)).isEqualTo(before);
    }

    @Test
    void aMemberSeesTheirOwnPlaceOutsideTheTop() {
        String store = createStore("mine");
        Till till = new Till(newStaff(store, "CLERK"));
        HttpGraphQlTester top = named("冠");
        HttpGraphQlTester low = named("末");
        till.earn(idOf(top), "T-1", 90_000);
        till.earn(idOf(low), "L-1", 1_000);

        low.documentName("leaderboard").variable("input", input(store, 1)).execute()
                .path("leaderboard.entries[*].nickname").entityList(String.class).containsExactly("冠*")
                .path("leaderboard.myEntry.rank").entity(Integer.class).isEqualTo(2)
                .path("leaderboard.myEntry.score").entity(Long.class).isEqualTo(10L);
    }

    @Test
    void checkInStreaksRankOnTheBrandBoardLikeSql() {
        named("签").documentName("checkIn").execute();
        HttpGraphQlTester viewer = named("看");
        viewer.documentName("checkIn").execute();

        List<Long> scores = viewer.documentName("leaderboard")
                .variable("input", Map.of("scope", "BRAND", "period", "MONTH", "metric", "CHECKIN_STREAK", "first", 100))
                .execute().path("leaderboard.entries[*].score").entityList(Long.class).get();
        List<Long> sql = db.sql("""
                        with month as (select date_trunc('month', now() at time zone 'Asia/Shanghai')::date as first)
                        select max(streak)::bigint as s from checkin join member m on m.id = checkin.member_id, month
                        where day >= month.first and day < month.first + interval '1 month' and m.brand_id = :brand
                          and m.closed_at is null -- closed accounts leave the boards
                        group by member_id order by s desc limit 100
                        """)
                .bind("brand", brand.id())
                .map(row -> row.get("s", Long.class)).all().collectList().block();
        assertThat(scores).isEqualTo(sql);
    }

    @Test
    void checkInStreaksCountOnTheBoardOfTheStoreTheMemberRegisteredAtAndNoOther() {
        String store = createStore("签到店");
        String other = createStore("别的店");
        Map<?, ?> session = anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + unique("store-lb"), "storeId", store))
                .execute().path("login").entity(Map.class).get();
        HttpGraphQlTester member = withToken((String) session.get("accessToken"));
        member.documentName("updateConsents").variable("input", Map.of("acceptNoticeVersion", 1, "marketing", true))
                .execute();
        member.documentName("checkIn").execute();

        for (String id : List.of(store, other)) {
            List<Long> scores = member.documentName("leaderboard")
                    .variable("input", Map.of("scope", "STORE", "storeId", id, "period", "MONTH",
                            "metric", "CHECKIN_STREAK", "first", 10))
                    .execute().path("leaderboard.entries[*].score").entityList(Long.class).get();
            assertThat(scores).isEqualTo(id.equals(store) ? List.of(1L) : List.of());
        }
    }

    private HttpGraphQlTester named(String nickname) {
        HttpGraphQlTester member = member(unique("lb"));
        member.documentName("updateProfile").variable("input", Map.of("nickname", nickname + "某")).execute();
        return member;
    }

    private static Map<String, Object> input(String store, int first) {
        return Map.of("scope", "STORE", "storeId", store, "period", "WEEK", "metric", "POINTS_EARNED", "first", first);
    }

    private static List<Map<String, Object>> board(HttpGraphQlTester viewer, String store, int first) {
        return viewer.documentName("leaderboard").variable("input", input(store, first)).execute()
                .path("leaderboard.entries").entityList(new org.springframework.core.ParameterizedTypeReference<
                        Map<String, Object>>() { }).get();
    }

    private List<Long> sqlScores(String store) {
        return db.sql("""
                        select member_id, sum(delta)::bigint as score from points_ledger
                        where store_id = :store and kind in ('EARN', 'CHECK_IN', 'REFERRAL', 'REFUND_REVERSE')
                        group by member_id order by score desc, member_id
                        """)
                .bind("store", Long.parseLong(store))
                .map(row -> row.get("score", Long.class)).all().collectList().block();
    }
}

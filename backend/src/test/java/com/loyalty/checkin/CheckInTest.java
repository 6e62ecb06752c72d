package com.loyalty.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class CheckInTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void thirtyParallelTapsCheckInExactlyOnce() {
        HttpGraphQlTester member = member(unique("tap"));

        List<String> outcomes = inParallel(30, i -> member.documentName("checkIn").execute()
                .path("checkIn.userErrors[*].code").entityList(String.class).get().stream().findFirst().orElse("OK"));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("ALREADY_CHECKED_IN"::equals).hasSize(29);
        member.documentName("myPoints").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(1L)
                .path("me.pointsHistory.edges[0].node.kind").entity(String.class).isEqualTo("CHECK_IN");
    }

    @Test
    void theBusinessDayTurnsAtMidnightInShanghai() {
        String name = unique("midnight");
        clock.setTo(ZonedDateTime.of(2026, 11, 23, 23, 59, 58, 0, SHANGHAI).toInstant());
        HttpGraphQlTester member = member(name);
        checkIn(member).path("checkIn.checkIn.day").entity(String.class).isEqualTo("2026-11-23");

        clock.setTo(ZonedDateTime.of(2026, 11, 24, 0, 0, 1, 0, SHANGHAI).toInstant());
        checkIn(member)
                .path("checkIn.checkIn.day").entity(String.class).isEqualTo("2026-11-24")
                .path("checkIn.checkIn.streak").entity(Integer.class).isEqualTo(2)
                .path("checkIn.checkIn.points").entity(Long.class).isEqualTo(2L);
    }

    @Test
    void aStreakCarriesAcrossTheMonthAndTheTableRepeatsAfterDaySeven() {
        String name = unique("streak");
        long[] expected = {1, 2, 3, 4, 5, 6, 10, 1};
        HttpGraphQlTester member = null;
        for (int day = 0; day < expected.length; day++) {
            clock.setTo(ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, SHANGHAI).plusDays(day).toInstant());
            member = member(name);
            checkIn(member).path("checkIn.checkIn.points").entity(Long.class).isEqualTo(expected[day])
                    .path("checkIn.checkIn.streak").entity(Integer.class).isEqualTo(day + 1);
        }
        member.documentName("checkInCalendar").variable("month", "2026-12").execute()
                .path("checkInCalendar.days").entityList(String.class).hasSize(3)
                .path("checkInCalendar.currentStreak").entity(Integer.class).isEqualTo(8)
                .path("checkInCalendar.longestStreak").entity(Integer.class).isEqualTo(8)
                .path("checkInCalendar.checkedInToday").entity(Boolean.class).isEqualTo(true)
                .path("checkInCalendar.todayReward").entity(Long.class).isEqualTo(0L)
                .path("checkInCalendar.tomorrowReward").entity(Long.class).isEqualTo(2L);
    }

    @Test
    void aMadeUpDayJoinsTheStreakForPointsAndAtMostTwiceAMonth() {
        String name = unique("makeup");
        Supplier<HttpGraphQlTester> on = () -> member(name);
        at(2026, 11, 10);
        HttpGraphQlTester member = on.get();
        checkIn(member);                                   // 10th: streak 1
        at(2026, 11, 12);
        member = on.get();
        checkIn(member).path("checkIn.checkIn.streak").entity(Integer.class).isEqualTo(1);
        giveManagerPoints(name, 100);

        makeUp(member, "2026-11-11")
                .path("makeUpCheckIn.checkIn.makeUp").entity(Boolean.class).isEqualTo(true)
                .path("makeUpCheckIn.calendar.currentStreak").entity(Integer.class).isEqualTo(3)
                .path("makeUpCheckIn.calendar.makeUpsLeft").entity(Integer.class).isEqualTo(1);
        at(2026, 11, 13);
        member = on.get();
        checkIn(member).path("checkIn.checkIn.streak").entity(Integer.class).isEqualTo(4)
                .path("checkIn.checkIn.points").entity(Long.class).isEqualTo(4L);

        makeUp(member, "2026-11-11").path("makeUpCheckIn.userErrors[0].code").entity(String.class)
                .isEqualTo("ALREADY_CHECKED_IN");
        makeUp(member, "2026-11-13").path("makeUpCheckIn.userErrors[0].code").entity(String.class)
                .isEqualTo("MAKE_UP_NOT_ALLOWED");
        makeUp(member, "2026-10-31").path("makeUpCheckIn.userErrors[0].code").entity(String.class)
                .isEqualTo("MAKE_UP_NOT_ALLOWED");
        makeUp(member, "2026-11-01").path("makeUpCheckIn.userErrors").entityList(Object.class).hasSize(0);
        makeUp(member, "2026-11-02").path("makeUpCheckIn.userErrors[0].code").entity(String.class)
                .isEqualTo("MAKE_UP_LIMIT");
        // 1 + 1 + 100 + 4 earned, 2 make-ups at 20
        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(66L);
    }

    @Test
    void aMakeUpNeedsEnoughPoints() {
        String name = unique("poor");
        at(2026, 11, 20);
        HttpGraphQlTester member = member(name);
        makeUp(member, "2026-11-19").path("makeUpCheckIn.userErrors[0].code").entity(String.class)
                .isEqualTo("INSUFFICIENT_POINTS");
    }

    private void at(int year, int month, int day) {
        clock.setTo(ZonedDateTime.of(year, month, day, 9, 0, 0, 0, SHANGHAI).toInstant());
    }

    private void giveManagerPoints(String memberName, long points) {
        String memberId = idOf(member(memberName));
        admin().documentName("adjustPoints")
                .variable("input", java.util.Map.of("memberId", memberId, "delta", points, "reason", "测试赠分",
                        "idempotencyKey", unique("k")))
                .execute().path("adjustPoints.userErrors").entityList(Object.class).hasSize(0);
    }

    private static GraphQlTester.Response checkIn(HttpGraphQlTester member) {
        return member.documentName("checkIn").execute();
    }

    private static GraphQlTester.Response makeUp(HttpGraphQlTester member, String day) {
        return member.documentName("makeUpCheckIn").variable("day", day).execute();
    }
}

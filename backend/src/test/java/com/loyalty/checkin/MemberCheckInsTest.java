package com.loyalty.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.MemberPage;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Member.checkIns: what staff see of a member's check-ins on the member's page. */
class MemberCheckInsTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String FIELDS = "checkIns { currentStreak longestStreak checkedInToday total "
            + "recent { day streak points makeUp } }";

    @Test
    @SuppressWarnings("unchecked")
    void aClerkOfTheMembersStoreSeesTheStreakAndTheLatestCheckInsNewestFirst() {
        String store = createStore("ci-page");
        HttpGraphQlTester member = memberOf(store, unique("ci-streak"));
        for (int day = 20; day <= 22; day++) {
            at(day);
            member.documentName("checkIn").execute().path("checkIn.userErrors").entityList(Object.class).hasSize(0);
        }

        Map<String, Object> checkIns = new MemberPage(newStaff(store, "CLERK")).open(idOf(member), FIELDS)
                .path("member.member.checkIns").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();

        assertThat(checkIns).containsEntry("currentStreak", 3).containsEntry("longestStreak", 3)
                .containsEntry("checkedInToday", true).containsEntry("total", 3);
        assertThat((List<Object>) checkIns.get("recent")).containsExactly(
                Map.of("day", "2026-11-22", "streak", 3, "points", 3, "makeUp", false),
                Map.of("day", "2026-11-21", "streak", 2, "points", 2, "makeUp", false),
                Map.of("day", "2026-11-20", "streak", 1, "points", 1, "makeUp", false));
    }

    @Test
    void lastAsksForFewerDaysAndTwoAsksInOneRequestEachGetTheirOwn() {
        String store = createStore("ci-last");
        HttpGraphQlTester member = memberOf(store, unique("ci-last"));
        for (int day = 12; day <= 15; day++) {
            at(day);
            member.documentName("checkIn").execute().path("checkIn.userErrors").entityList(Object.class).hasSize(0);
        }

        new MemberPage(newStaff(store, "STORE_MANAGER"))
                .open(idOf(member), "one: checkIns(last: 1) { total recent { day } } all: checkIns(last: 100) { recent { day } } "
                        + "none: checkIns(last: 0) { currentStreak recent { day } }")
                .path("member.member.one.total").entity(Integer.class).isEqualTo(4)
                .path("member.member.one.recent[*].day").entityList(String.class).containsExactly("2026-11-15")
                .path("member.member.all.recent[*].day").entityList(String.class)
                .containsExactly("2026-11-15", "2026-11-14", "2026-11-13", "2026-11-12")
                .path("member.member.none.currentStreak").entity(Integer.class).isEqualTo(4)
                .path("member.member.none.recent").entityList(Object.class).hasSize(0);
    }

    @Test
    void aStoreListShowsEachMembersOwnCheckInsAndAMemberWhoNeverCheckedInHasNone() {
        String store = createStore("ci-list");
        at(10);
        HttpGraphQlTester keen = memberOf(store, unique("ci-keen"));
        keen.documentName("checkIn").execute().path("checkIn.userErrors").entityList(Object.class).hasSize(0);
        String quiet = idOf(memberOf(store, unique("ci-quiet")));
        String keenId = idOf(keen);

        List<Map> rows = newStaff(store, "STORE_MANAGER")
                .document("{ members(first: 10) { edges { node { id member { checkIns { total currentStreak recent { day } } } } } } }")
                .execute().path("members.edges[*].node").entityList(Map.class).get();

        assertThat(rows).hasSize(2);
        Map<String, Object> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put((String) r.get("id"), ((Map<?, ?>) r.get("member")).get("checkIns")));
        assertThat(byId.get(keenId)).isEqualTo(Map.of("total", 1, "currentStreak", 1,
                "recent", List.of(Map.of("day", "2026-11-10"))));
        assertThat(byId.get(quiet)).isEqualTo(Map.of("total", 0, "currentStreak", 0, "recent", List.of()));
    }

    @Test
    void aManagerOfAnotherStoreIsRefusedAsTheMemberQueryRefusesThem() {
        String home = createStore("ci-home");
        String elsewhere = createStore("ci-else");
        at(5);
        HttpGraphQlTester member = memberOf(home, unique("ci-walled"));
        member.documentName("checkIn").execute().path("checkIn.userErrors").entityList(Object.class).hasSize(0);
        MemberPage otherManager = new MemberPage(newStaff(elsewhere, "STORE_MANAGER"));

        otherManager.open(idOf(member), FIELDS).path("member").valueIsNull();
        // the member walks into the other store and shows their code: the till sees the card, not the check-ins
        otherManager.scan(member, FIELDS)
                .path("scanMemberCode.card.member.id").entity(String.class).isEqualTo(idOf(member))
                .path("scanMemberCode.card.member.checkIns").valueIsNull();
        // the marketer, brand-wide, sees them
        new MemberPage(newMarketer()).open(idOf(member), FIELDS)
                .path("member.member.checkIns.total").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void theMemberReadsTheirOwnCheckInsThroughMe() {
        at(7);
        HttpGraphQlTester member = member(unique("ci-self"));
        member.documentName("checkIn").execute().path("checkIn.userErrors").entityList(Object.class).hasSize(0);

        member.document("{ me { checkIns { total checkedInToday } } }").execute()
                .path("me.checkIns.total").entity(Integer.class).isEqualTo(1)
                .path("me.checkIns.checkedInToday").entity(Boolean.class).isEqualTo(true);
    }

    private void at(int dayOfNovember) {
        clock.setTo(ZonedDateTime.of(2026, 11, dayOfNovember, 9, 0, 0, 0, SHANGHAI).toInstant());
    }
}

package com.loyalty.analytics.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.analytics.EconomyExports;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The events report through the API, in March of a year far ahead (each test its own: no other
 * test's events): at store A a tasting on
 * 5 March (2 places, 30 points) with m1 coming, m2 a no-show, m3 waiting and m4 cancelled, and an
 * event called off; at store B a workshop on 6 March; a draft and an April event at A left out.
 * After the tasting m1 buys ¥100 at A and ¥50 at B within 30 days (and ¥70 after them), m2 buys
 * ¥80 and is refunded in full, m3 buys ¥40; m1's ¥999 before it does not count. Read on 10 April.
 */
class EventReportTest extends IntegrationTest {

    static final String REPORT = """
            query($range: AnalyticsRange!, $first: Int) { eventReport(range: $range, first: $first) {
              storeId eventCount purchaseWindowDays
              total { ...N }
              events { title storeName status startsAt numbers { ...N } } } }
            fragment N on EventNumbers { events capacity confirmed waiting cancelled attended attendanceRate noShows pointsAwarded
              purchasesAfter { windowDays complete
                attendees { members buyers orders salesCents buyerRate salesPerMemberCents }
                nonAttendees { members buyers orders salesCents buyerRate salesPerMemberCents } } }""";
    /** Each test its own year, so the brand-wide numbers hold only its events. */
    int year;
    Map<String, Object> marchRange;

    @Autowired
    BrandProperties brand;

    String storeA;
    String storeB;
    String managerA;
    String managerB;
    String clerkA;
    String clerkB;

    @Test
    void aStoreManagerSeesTheirEventsAttendanceNoShowsPointsAndWhatAttendeesBoughtAfterBesideNonAttendees() {
        march(2031);

        Map<String, Object> report = report(staff(managerA, STAFF_PASSWORD), marchRange, null);

        assertThat(report).containsEntry("storeId", storeA).containsEntry("eventCount", 2)
                .containsEntry("purchaseWindowDays", 30);
        List<Map<String, Object>> events = events(report);
        assertThat(events).extracting(e -> e.get("title")).containsExactly("停办的讲座", "咖啡品鉴会");
        assertThat(events.get(0)).containsEntry("status", "CANCELLED");
        Map<String, Object> tasting = events.get(1);
        assertThat(tasting).containsEntry("status", "FINISHED").containsEntry("storeName", name(storeA));
        Map<String, Object> numbers = numbers(tasting);
        assertThat(numbers).containsEntry("events", 1).containsEntry("capacity", 2).containsEntry("confirmed", 2)
                .containsEntry("waiting", 1).containsEntry("cancelled", 1).containsEntry("attended", 1)
                .containsEntry("noShows", 1).containsEntry("attendanceRate", 0.5).containsEntry("pointsAwarded", 30);
        Map<String, Object> after = after(numbers);
        assertThat(after).containsEntry("windowDays", 30).containsEntry("complete", true);
        // m1 came and bought ¥100 + ¥50 in the 30 days (the ¥999 before and the ¥70 after left out)
        assertThat(after.get("attendees")).isEqualTo(Map.of("members", 1, "buyers", 1, "orders", 2, "salesCents", 15_000,
                "buyerRate", 1.0, "salesPerMemberCents", 15_000));
        // m2 (no-show, refunded in full), m3 (waiting, ¥40) and m4 (cancelled, nothing)
        assertThat(after.get("nonAttendees")).isEqualTo(Map.of("members", 3, "buyers", 1, "orders", 1, "salesCents", 4_000,
                "buyerRate", 1.0 / 3, "salesPerMemberCents", 1_333));
        // the cancelled event is listed but counts in no total
        assertThat(numbers(report)).isEqualTo(numbers);
        // and the CSV download says the same
        assertThat(EconomyExports.lines(staff(managerA, STAFF_PASSWORD), "MEMBER_EVENTS", marchRange)).containsExactly(
                "活动,门店,开始时间,状态,名额,已报名,候补,已取消,到场,到场率,未到场,发放积分,到场会员,到场会员30天内购买人数,"
                        + "到场会员30天内订单,到场会员30天内销售额（元）,报名未到场会员,未到场会员30天内购买人数,未到场会员30天内订单,"
                        + "未到场会员30天内销售额（元）,统计窗口已结束",
                "停办的讲座," + name(storeA) + ",2031-03-08 19:00,CANCELLED,10,1,0,0,0,,0,0,0,0,0,0.00,0,0,0,0.00,是",
                "咖啡品鉴会," + name(storeA) + ",2031-03-05 19:00,FINISHED,2,2,1,1,1,0.5,1,30,1,1,2,150.00,3,1,1,40.00,是",
                "合计（2 场）,,,,2,2,1,1,1,0.5,1,30,1,1,2,150.00,3,1,1,40.00,是");
    }

    @Test
    void aMarketerReadsTheBrandOrOneStoreAndAnotherStoresManagerIsRefused() {
        march(2032);

        Map<String, Object> brandWide = report(newMarketer(), marchRange, null);
        assertThat(events(brandWide)).extracting(e -> e.get("title")).containsExactly("停办的讲座", "手工坊", "咖啡品鉴会");
        Map<String, Object> total = numbers(brandWide);
        assertThat(total).containsEntry("events", 2).containsEntry("capacity", 2 + 10).containsEntry("confirmed", 3)
                .containsEntry("attended", 2).containsEntry("noShows", 1).containsEntry("pointsAwarded", 30 + 10);
        assertThat((Double) total.get("attendanceRate")).isEqualTo(2.0 / 3);
        assertThat(after(total).get("attendees")).isEqualTo(Map.of("members", 2, "buyers", 1, "orders", 2,
                "salesCents", 15_000, "buyerRate", 0.5, "salesPerMemberCents", 7_500));
        Map<String, Object> onlyB = new HashMap<>(marchRange);
        onlyB.put("storeId", storeB);
        assertThat(events(report(newMarketer(), onlyB, null))).extracting(e -> e.get("title")).containsExactly("手工坊");
        // the first event only, the total still of all of them
        Map<String, Object> first = report(newMarketer(), marchRange, 1);
        assertThat(events(first)).hasSize(1);
        assertThat(first).containsEntry("eventCount", 3);
        assertThat(numbers(first)).isEqualTo(total);

        // store B's manager: their own store's events, never A's
        HttpGraphQlTester b = staff(managerB, STAFF_PASSWORD);
        assertThat(events(report(b, marchRange, null))).extracting(e -> e.get("title")).containsExactly("手工坊");
        Map<String, Object> namingA = new HashMap<>(marchRange);
        namingA.put("storeId", storeA);
        GraphQlTester.Response refused = b.document(REPORT).variable("range", namingA).execute();
        refused.errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify()
                .path("$").entity(Object.class).satisfies(data -> assertThat(String.valueOf(data)).doesNotContain("咖啡品鉴会"));
        // a clerk may not read it at all, and first is bounded
        staff(clerkA, STAFF_PASSWORD).document(REPORT).variable("range", marchRange).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        newMarketer().document(REPORT).variable("range", marchRange).variable("first", 0).execute().errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void whileTheWindowIsOpenThePurchasesAreMarkedIncompleteAndARangeWithoutEventsIsEmpty() {
        march(2033);
        at(3, 20, 12, 0);

        Map<String, Object> tasting = events(report(staff(managerA, STAFF_PASSWORD), marchRange, null)).get(1);
        assertThat(after(numbers(tasting))).containsEntry("complete", false);

        Map<String, Object> empty = report(staff(managerA, STAFF_PASSWORD), Map.of("from", year + "-01-01", "to", year + "-01-31"), null);
        assertThat(empty).containsEntry("eventCount", 0);
        assertThat(events(empty)).isEmpty();
        assertThat(numbers(empty)).containsEntry("events", 0).containsEntry("attendanceRate", null);
        Map<String, Object> nobody = new HashMap<>(Map.of("members", 0, "buyers", 0, "orders", 0, "salesCents", 0));
        nobody.put("buyerRate", null);
        nobody.put("salesPerMemberCents", null);
        assertThat(after(numbers(empty)).get("attendees")).isEqualTo(nobody);
    }

    /** The March of the class comment in that year, ending on 10 April at noon. */
    private void march(int year) {
        this.year = year;
        marchRange = Map.of("from", year + "-03-01", "to", year + "-03-31");
        at(3, 1, 10, 0);
        storeA = createStore("活动甲店");
        storeB = createStore("活动乙店");
        managerA = createStaff(storeA, "STORE_MANAGER");
        managerB = createStaff(storeB, "STORE_MANAGER");
        clerkA = createStaff(storeA, "CLERK");
        clerkB = createStaff(storeB, "CLERK");
        String m1 = unique("m1");
        String m2 = unique("m2");
        String m3 = unique("m3");
        String m4 = unique("m4");
        String b1 = unique("b1");
        HttpGraphQlTester a = staff(managerA, STAFF_PASSWORD);
        String tasting = event(a, "咖啡品鉴会", time(3, 5, 19, 0), 2, 30);
        String calledOff = event(a, "停办的讲座", time(3, 8, 19, 0), 10, 5);
        draft(a, "草稿活动", time(3, 9, 19, 0));
        event(a, "四月活动", time(4, 20, 19, 0), 10, 5);
        String workshop = event(staff(managerB, STAFF_PASSWORD), "手工坊", time(3, 6, 14, 0), 10, 10);
        for (String m : List.of(m1, m2, m3, m4)) {
            signUp(member(m), tasting);
        }
        member(m4).document("mutation($id: ID!) { cancelEventSignUp(input: {eventId: $id}) { userErrors { code } } }")
                .variable("id", tasting).execute().path("cancelEventSignUp.userErrors").entityList(Object.class).hasSize(0);
        signUp(member(m1), calledOff);
        a.document("mutation($id: ID!) { cancelMemberEvent(input: {eventId: $id, reason: \"讲师生病\"}) { userErrors { code } } }")
                .variable("id", calledOff).execute().path("cancelMemberEvent.userErrors").entityList(Object.class).hasSize(0);
        signUp(member(b1), workshop);
        String m1Id = idOf(member(m1));
        till(clerkA).earn(m1Id, unique("BEFORE"), 99_900);

        at(3, 5, 18, 30);
        checkIn(clerkA, tasting, m1);
        at(3, 6, 14, 30);
        checkIn(clerkB, workshop, b1);

        at(3, 7, 12, 0);
        till(clerkA).earn(idOf(member(m3)), unique("M3"), 4_000);
        String refunded = unique("M2");
        till(clerkA).earn(idOf(member(m2)), refunded, 8_000);
        till(clerkA).refund(refunded, unique("R"), 8_000).path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
        at(3, 10, 12, 0);
        till(clerkA).earn(m1Id, unique("A"), 10_000);
        till(clerkB).earn(m1Id, unique("B"), 5_000);
        at(4, 6, 12, 0);
        till(clerkA).earn(m1Id, unique("LATE"), 7_000);
        at(4, 10, 12, 0);
    }

    private void at(int month, int day, int hour, int minute) {
        clock.setTo(time(month, day, hour, minute));
    }

    private Instant time(int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(brand.zone()).toInstant();
    }

    private Till till(String clerk) {
        return new Till(staff(clerk, STAFF_PASSWORD));
    }

    private String draft(HttpGraphQlTester manager, String title, Instant startsAt) {
        return manager.document("mutation($input: CreateMemberEventInput!) { createMemberEvent(input: $input) { event { id } userErrors { code message } } }")
                .variable("input", Map.of("title", title, "capacity", 10, "points", 0, "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plusSeconds(7_200).toString())).execute()
                .path("createMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("createMemberEvent.event.id").entity(String.class).get();
    }

    private String event(HttpGraphQlTester manager, String title, Instant startsAt, int capacity, long points) {
        String id = manager.document("mutation($input: CreateMemberEventInput!) { createMemberEvent(input: $input) { event { id } userErrors { code message } } }")
                .variable("input", Map.of("title", title, "capacity", capacity, "points", points,
                        "startsAt", startsAt.toString(), "endsAt", startsAt.plusSeconds(7_200).toString())).execute()
                .path("createMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("createMemberEvent.event.id").entity(String.class).get();
        manager.document("mutation($id: ID!) { publishMemberEvent(input: {eventId: $id}) { userErrors { code } } }")
                .variable("id", id).execute().path("publishMemberEvent.userErrors").entityList(Object.class).hasSize(0);
        return id;
    }

    private static void signUp(HttpGraphQlTester member, String event) {
        member.document("mutation($id: ID!) { signUpForEvent(input: {eventId: $id}) { userErrors { code } } }")
                .variable("id", event).execute().path("signUpForEvent.userErrors").entityList(Object.class).hasSize(0);
    }

    private void checkIn(String clerk, String event, String memberName) {
        String code = member(memberName).document("{ memberCode { token } }").execute()
                .path("memberCode.token").entity(String.class).get();
        staff(clerk, STAFF_PASSWORD).document("mutation($id: ID!, $code: String!) { checkInAtEvent(input: {eventId: $id, memberCode: $code}) { userErrors { code message } } }")
                .variable("id", event).variable("code", code).execute()
                .path("checkInAtEvent.userErrors").entityList(Object.class).hasSize(0);
    }

    private String name(String store) {
        return db.sql("select name from store where id = :id").bind("id", Long.parseLong(store))
                .map(row -> row.get("name", String.class)).one().block();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(HttpGraphQlTester staff, Map<String, Object> range, Integer first) {
        return staff.document(REPORT).variable("range", range).variable("first", first).execute()
                .path("eventReport").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("events");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> numbers(Map<String, Object> reportOrRow) {
        return (Map<String, Object>) (reportOrRow.containsKey("numbers") ? reportOrRow.get("numbers") : reportOrRow.get("total"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> after(Map<String, Object> numbers) {
        return (Map<String, Object>) numbers.get("purchasesAfter");
    }
}

package com.loyalty.memberevent;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Member events through the GraphQL API, against the real Postgres and Redis: places and the
 * waiting list under parallel sign-ups and cancels, the door check-in's points exactly once, store
 * walls, audiences, the life cycle and absurd input.
 */
class MemberEventTest extends IntegrationTest {

    static final String CREATE = """
            mutation($input: CreateMemberEventInput!) { createMemberEvent(input: $input) {
              event { id status capacity points version placesTaken placesLeft signUpOpen cancelDeadline storeId }
              userErrors { field code message } } }""";
    static final String UPDATE = """
            mutation($input: UpdateMemberEventInput!) { updateMemberEvent(input: $input) {
              event { id status capacity points version placesTaken placesLeft }
              userErrors { field code message } } }""";
    static final String SIGN_UP = """
            mutation($id: ID!) { signUpForEvent(input: { eventId: $id }) {
              signUp { id status waitingPosition points cancelDeadline eventVersion } replayed
              userErrors { field code message } } }""";
    static final String CANCEL = """
            mutation($id: ID!) { cancelEventSignUp(input: { eventId: $id }) {
              signUp { id status } replayed userErrors { field code message } } }""";
    static final String CHECK_IN = """
            mutation($id: ID!, $code: String!) { checkInAtEvent(input: { eventId: $id, memberCode: $code }) {
              signUp { attendedAt pointsAwarded } member { id } replayed userErrors { field code message } } }""";
    static final String STATS = """
            query($id: ID!) { memberEvent(id: $id) { status placesTaken
              stats { signedUp waiting cancelled attended noShows pointsAwarded } } }""";

    /** A store with its manager, ready to run events. */
    record Shop(String storeId, HttpGraphQlTester manager) {
    }

    private Shop shop() {
        String storeId = createStore("活动店");
        return new Shop(storeId, newStaff(storeId, "STORE_MANAGER"));
    }

    private static String at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(8)).toString();
    }

    private Map<String, Object> terms(Instant startsAt, int capacity, long points) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "品鉴会");
        input.put("description", "新品咖啡品鉴");
        input.put("startsAt", at(startsAt));
        input.put("endsAt", at(startsAt.plus(Duration.ofHours(2))));
        input.put("capacity", capacity);
        input.put("points", points);
        return input;
    }

    /** Creates and publishes an event at the shop; its id. */
    private String publishedEvent(Shop shop, Map<String, Object> input) {
        String id = shop.manager().document(CREATE).variable("input", input).execute()
                .path("createMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("createMemberEvent.event.id").entity(String.class).get();
        shop.manager().document("mutation($id: ID!) { publishMemberEvent(input: { eventId: $id }) { event { status } userErrors { code } } }")
                .variable("id", id).execute()
                .path("publishMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("publishMemberEvent.event.status").entity(String.class).isEqualTo("PUBLISHED");
        return id;
    }

    private Instant now() {
        return clock.instant();
    }

    private static GraphQlTester.Response signUp(HttpGraphQlTester member, String eventId) {
        return member.document(SIGN_UP).variable("id", eventId).execute();
    }

    private long count(String sql, String eventId) {
        return db.sql(sql).bind("e", Long.parseLong(eventId)).map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void aHundredMembersSigningUpAtOnceFillTwentyPlacesAndQueueTheRestInOrderAndCancelsPromoteAsMany() {
        Shop shop = shop();
        String eventId = publishedEvent(shop, terms(now().plus(Duration.ofDays(3)), 20, 30));
        List<HttpGraphQlTester> members = IntStream.range(0, 100).mapToObj(i -> member(unique("crowd"))).toList();

        List<Map<String, Object>> answers = inParallel(100, i -> signUp(members.get(i), eventId)
                .path("signUpForEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("signUpForEvent.signUp").entity(Map.class).get());

        assertThat(answers).filteredOn(a -> "CONFIRMED".equals(a.get("status"))).hasSize(20);
        List<Integer> positions = answers.stream().filter(a -> "WAITING".equals(a.get("status")))
                .map(a -> (Integer) a.get("waitingPosition")).sorted().toList();
        assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, 80).boxed().toList());
        assertThat(count("select confirmed from member_event where id = :e", eventId)).isEqualTo(20);
        assertThat(count("select count(*) from member_event_signup where event_id = :e and status = 'CONFIRMED'", eventId))
                .isEqualTo(20);
        // a second tap changes nothing
        int someoneWaiting = IntStream.range(0, 100).filter(i -> "WAITING".equals(answers.get(i).get("status"))).findFirst().orElseThrow();
        signUp(members.get(someoneWaiting), eventId)
                .path("signUpForEvent.replayed").entity(Boolean.class).isEqualTo(true)
                .path("signUpForEvent.signUp.waitingPosition").entity(Integer.class)
                .isEqualTo((Integer) answers.get(someoneWaiting).get("waitingPosition"));

        // the first ten on the waiting list, in order
        List<Integer> byPosition = new ArrayList<>(IntStream.range(0, 100).filter(i -> "WAITING".equals(answers.get(i).get("status")))
                .boxed().sorted((a, b) -> Integer.compare((Integer) answers.get(a).get("waitingPosition"),
                        (Integer) answers.get(b).get("waitingPosition"))).toList());
        List<Integer> leaving = IntStream.range(0, 100).filter(i -> "CONFIRMED".equals(answers.get(i).get("status")))
                .limit(10).boxed().toList();
        List<String> cancelled = inParallel(10, i -> members.get(leaving.get(i)).document(CANCEL).variable("id", eventId).execute()
                .path("cancelEventSignUp.userErrors").entityList(Object.class).hasSize(0)
                .path("cancelEventSignUp.signUp.status").entity(String.class).get());
        assertThat(cancelled).containsOnly("CANCELLED");

        assertThat(count("select confirmed from member_event where id = :e", eventId)).isEqualTo(20);
        assertThat(count("select count(*) from member_event_signup where event_id = :e and status = 'CONFIRMED'", eventId))
                .isEqualTo(20);
        for (int k = 0; k < 10; k++) {
            signUp(members.get(byPosition.get(k)), eventId).path("signUpForEvent.signUp.status").entity(String.class)
                    .isEqualTo("CONFIRMED");
        }
        signUp(members.get(byPosition.get(10)), eventId).path("signUpForEvent.signUp.waitingPosition").entity(Integer.class)
                .isEqualTo(1);
        assertThat(count("select count(*) from notification_outbox where kind = 'EVENT_UPDATE' and dedupe_key like 'event:' || :e || ':promoted:%'",
                eventId)).isEqualTo(10);
        shop.manager().document(STATS).variable("id", eventId).execute()
                .path("memberEvent.stats.signedUp").entity(Integer.class).isEqualTo(20)
                .path("memberEvent.stats.waiting").entity(Integer.class).isEqualTo(70)
                .path("memberEvent.stats.cancelled").entity(Integer.class).isEqualTo(10);
    }

    @Test
    void loweringTheCapacityDropsNobodyAndLaterTermsNeverWorsenAnEarlierSignUp() {
        Shop shop = shop();
        String eventId = publishedEvent(shop, terms(now().plus(Duration.ofDays(3)), 3, 50));
        List<HttpGraphQlTester> members = IntStream.range(0, 4).mapToObj(i -> member(unique("early"))).toList();
        members.forEach(m -> signUp(m, eventId));

        shop.manager().document(UPDATE).variable("input", Map.of("eventId", eventId, "capacity", 1, "points", 10,
                        "reason", "场地变小"))
                .execute().path("updateMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("updateMemberEvent.event.placesTaken").entity(Integer.class).isEqualTo(3)
                .path("updateMemberEvent.event.placesLeft").entity(Integer.class).isEqualTo(0)
                .path("updateMemberEvent.event.version").entity(Integer.class).isEqualTo(2);
        signUp(members.get(0), eventId).path("signUpForEvent.signUp.status").entity(String.class).isEqualTo("CONFIRMED")
                .path("signUpForEvent.signUp.points").entity(Long.class).isEqualTo(50L)
                .path("signUpForEvent.signUp.eventVersion").entity(Integer.class).isEqualTo(1);
        // one of three leaves: still above the new capacity, so nobody moves up
        members.get(1).document(CANCEL).variable("id", eventId).execute()
                .path("cancelEventSignUp.signUp.status").entity(String.class).isEqualTo("CANCELLED");
        signUp(members.get(3), eventId).path("signUpForEvent.signUp.status").entity(String.class).isEqualTo("WAITING");
        // a newcomer signs up under the new terms
        HttpGraphQlTester late = member(unique("late"));
        signUp(late, eventId).path("signUpForEvent.signUp.points").entity(Long.class).isEqualTo(10L)
                .path("signUpForEvent.signUp.eventVersion").entity(Integer.class).isEqualTo(2);
        // raising the points again reaches everyone signed up
        shop.manager().document(UPDATE).variable("input", Map.of("eventId", eventId, "points", 80)).execute()
                .path("updateMemberEvent.userErrors").entityList(Object.class).hasSize(0);
        signUp(members.get(0), eventId).path("signUpForEvent.signUp.points").entity(Long.class).isEqualTo(80L);

        String managerId = shop.manager().document("{ currentStaff { id } }").execute().path("currentStaff.id")
                .entity(String.class).get();
        assertThat(auditOf(managerId, "UPDATE_MEMBER_EVENT")).hasSize(2)
                .anySatisfy(entry -> assertThat(entry.detail()).isEqualTo("场地变小"));
        assertThat(auditOf(managerId, "CREATE_MEMBER_EVENT")).hasSize(1);
    }

    @Test
    void aDoorCheckInRepeatedInParallelAwardsThePointsOnce() {
        Shop shop = shop();
        Instant startsAt = now().plus(Duration.ofMinutes(30));
        String eventId = publishedEvent(shop, terms(startsAt, 10, 40));
        String name = unique("guest");
        signUp(member(name), eventId).path("signUpForEvent.signUp.status").entity(String.class).isEqualTo("CONFIRMED");
        HttpGraphQlTester clerk = newStaff(shop.storeId(), "CLERK");
        HttpGraphQlTester member = member(name);
        String code = member.document("{ memberCode { token } }").execute().path("memberCode.token").entity(String.class).get();

        List<Map<String, Object>> answers = inParallel(12, i -> clerk.document(CHECK_IN).variable("id", eventId)
                .variable("code", code).execute()
                .path("checkInAtEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("checkInAtEvent").entity(Map.class).get());

        assertThat(answers).filteredOn(a -> Boolean.FALSE.equals(a.get("replayed"))).hasSize(1);
        assertThat(answers).filteredOn(a -> Boolean.TRUE.equals(a.get("replayed"))).hasSize(11);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(40L);
        String memberId = idOf(member);
        assertThat(db.sql("select count(*) from points_ledger where member_id = :m and kind = 'EVENT'")
                .bind("m", Long.parseLong(memberId)).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);

        // a fresh code at the door again: the same attendance, nothing more
        String again = member.document("{ memberCode { token } }").execute().path("memberCode.token").entity(String.class).get();
        clerk.document(CHECK_IN).variable("id", eventId).variable("code", again).execute()
                .path("checkInAtEvent.replayed").entity(Boolean.class).isEqualTo(true)
                .path("checkInAtEvent.signUp.pointsAwarded").entity(Long.class).isEqualTo(40L);
        member.document("{ me { pointsBalance } }").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(40L);
        // the code posted in a group chat is used up: nobody else can use it at another event either
        String other = publishedEvent(shop, terms(startsAt, 10, 40));
        clerk.document(CHECK_IN).variable("id", other).variable("code", code).execute()
                .path("checkInAtEvent.userErrors[0].code").entity(String.class).isEqualTo("CODE_USED");
        // the attended member cannot cancel any more
        member.document(CANCEL).variable("id", eventId).execute()
                .path("cancelEventSignUp.userErrors[0].code").entity(String.class).isEqualTo("EVENT_STATUS_CONFLICT");

        shop.manager().document("""
                        query($id: ID!) { memberEvent(id: $id) { id store { name } placesLeft signUpOpen
                          signUps(status: CONFIRMED, first: 50) { totalCount pageInfo { hasNextPage endCursor }
                            edges { node { id memberId member { id nickname } status waitingPosition points signedUpAt
                                           attendedAt pointsAwarded } } } } }""")
                .variable("id", eventId).execute()
                .path("memberEvent.signUps.totalCount").entity(Integer.class).isEqualTo(1)
                .path("memberEvent.signUps.edges[0].node.memberId").entity(String.class).isEqualTo(memberId)
                .path("memberEvent.signUps.edges[0].node.member.id").entity(String.class).isEqualTo(memberId)
                .path("memberEvent.signUps.edges[0].node.pointsAwarded").entity(Long.class).isEqualTo(40L);
        admin().document(STATS).variable("id", eventId).execute()
                .path("memberEvent.stats.attended").entity(Integer.class).isEqualTo(1)
                .path("memberEvent.stats.pointsAwarded").entity(Long.class).isEqualTo(40L);
        admin().document("query($id: ID!) { member(id: $id) { member { eventSignUps { status attendedAt pointsAwarded event { title } } } } }")
                .variable("id", memberId).execute()
                .path("member.member.eventSignUps[0].pointsAwarded").entity(Long.class).isEqualTo(40L)
                .path("member.member.eventSignUps[0].event.title").entity(String.class).isEqualTo("品鉴会");
        String clerkId = clerk.document("{ currentStaff { id } }").execute().path("currentStaff.id").entity(String.class).get();
        assertThat(auditOf(clerkId, "CHECK_IN_AT_EVENT")).hasSize(1).allSatisfy(e -> assertThat(e.memberId()).isEqualTo(memberId));
    }

    @Test
    void anotherStoresStaffCannotCheckMembersInOrEditTheEvent() {
        Shop shop = shop();
        Shop elsewhere = shop();
        String eventId = publishedEvent(shop, terms(now().plus(Duration.ofMinutes(30)), 10, 40));
        String name = unique("walled");
        signUp(member(name), eventId);
        HttpGraphQlTester member = member(name);
        String code = member.document("{ memberCode { token } }").execute().path("memberCode.token").entity(String.class).get();
        HttpGraphQlTester otherClerk = newStaff(elsewhere.storeId(), "CLERK");

        otherClerk.document(CHECK_IN).variable("id", eventId).variable("code", code).execute()
                .path("checkInAtEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_NOT_FOUND");
        elsewhere.manager().document(UPDATE).variable("input", Map.of("eventId", eventId, "capacity", 1)).execute()
                .path("updateMemberEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_NOT_FOUND");
        elsewhere.manager().document("mutation($id: ID!) { cancelMemberEvent(input: { eventId: $id, reason: \"x\" }) { userErrors { code } } }")
                .variable("id", eventId).execute()
                .path("cancelMemberEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_NOT_FOUND");
        elsewhere.manager().document("query($id: ID!) { memberEvent(id: $id) { id } }").variable("id", eventId).execute()
                .path("memberEvent").valueIsNull();
        elsewhere.manager().document("{ memberEvents { totalCount edges { node { id } } } }").execute()
                .path("memberEvents.edges[*].node.id").entityList(String.class).doesNotContain(eventId);
        admin().document("query($s: ID!) { memberEvents(filter: { storeId: $s, search: \"品鉴\", status: PUBLISHED }) { totalCount edges { node { id } } } }")
                .variable("s", shop.storeId()).execute()
                .path("memberEvents.edges[*].node.id").entityList(String.class).containsExactly(eventId);
        // a manager cannot open an event at another store
        Map<String, Object> foreign = terms(now().plus(Duration.ofDays(1)), 5, 0);
        foreign.put("storeId", shop.storeId());
        assertThat(elsewhere.manager().document(CREATE).variable("input", foreign).execute()
                .returnResponse().getErrors()).isNotEmpty();
        // nothing moved, and the member's code still works at the right door
        assertThat(count("select capacity from member_event where id = :e", eventId)).isEqualTo(10);
        newStaff(shop.storeId(), "CLERK").document(CHECK_IN).variable("id", eventId).variable("code", code).execute()
                .path("checkInAtEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("checkInAtEvent.replayed").entity(Boolean.class).isEqualTo(false);
        // a member cannot check themself in
        assertThat(member.document(CHECK_IN).variable("id", eventId).variable("code", code).execute()
                .returnResponse().getErrors()).isNotEmpty();
    }

    @Test
    void aMemberOutsideTheAudienceGetsAClearErrorAndDoesNotSeeTheEvent() {
        Shop shop = shop();
        Map<String, Object> goldOnly = terms(now().plus(Duration.ofDays(2)), 10, 0);
        goldOnly.put("minTierLevel", 2);
        String goldEvent = publishedEvent(shop, goldOnly);
        String tagId = admin().document("mutation($n: String!) { createTag(input: { name: $n }) { tag { id } } }")
                .variable("n", unique("咖啡控")).execute().path("createTag.tag.id").entity(String.class).get();
        Map<String, Object> tagged = terms(now().plus(Duration.ofDays(2)), 10, 0);
        tagged.put("tagIds", List.of(tagId));
        String tagEvent = publishedEvent(shop, tagged);

        String name = unique("plain");
        HttpGraphQlTester member = member(name);
        signUp(member, goldEvent).path("signUpForEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_NOT_FOR_MEMBER")
                .path("signUpForEvent.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("等级"));
        signUp(member, tagEvent).path("signUpForEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_NOT_FOR_MEMBER");
        member.document("{ eventsForMe { edges { node { id } } } }").execute()
                .path("eventsForMe.edges[*].node.id").entityList(String.class).doesNotContain(goldEvent, tagEvent);
        member.document("query($id: ID!) { memberEvent(id: $id) { id } }").variable("id", goldEvent).execute()
                .path("memberEvent").valueIsNull();

        admin().document("mutation($m: ID!, $t: ID!) { addMemberTag(input: { memberId: $m, tagId: $t }) { changed } }")
                .variable("m", idOf(member)).variable("t", tagId).execute().path("addMemberTag.changed").entity(Boolean.class).isEqualTo(true);
        signUp(member, tagEvent).path("signUpForEvent.signUp.status").entity(String.class).isEqualTo("CONFIRMED");
        member.document("{ eventsForMe { edges { node { id mySignUp { status } } } } myEventSignUps { totalCount edges { node { event { id } } } } }")
                .execute()
                .path("eventsForMe.edges[*].node.id").entityList(String.class).contains(tagEvent)
                .path("myEventSignUps.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void pausedAndCancelledEventsTakeNoSignUpsAndEveryoneSignedUpIsTold() {
        Shop shop = shop();
        String eventId = publishedEvent(shop, terms(now().plus(Duration.ofDays(2)), 1, 0));
        HttpGraphQlTester first = member(unique("first"));
        HttpGraphQlTester second = member(unique("second"));
        signUp(first, eventId);
        signUp(second, eventId).path("signUpForEvent.signUp.status").entity(String.class).isEqualTo("WAITING");

        shop.manager().document("mutation($id: ID!) { pauseMemberEvent(input: { eventId: $id }) { event { status signUpOpen } } }")
                .variable("id", eventId).execute()
                .path("pauseMemberEvent.event.status").entity(String.class).isEqualTo("PAUSED")
                .path("pauseMemberEvent.event.signUpOpen").entity(Boolean.class).isEqualTo(false);
        signUp(member(unique("third")), eventId).path("signUpForEvent.userErrors[0].code").entity(String.class)
                .isEqualTo("EVENT_SIGN_UP_CLOSED");
        shop.manager().document("mutation($id: ID!) { publishMemberEvent(input: { eventId: $id }) { userErrors { code } } }")
                .variable("id", eventId).execute()
                .path("publishMemberEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_STATUS_CONFLICT");
        shop.manager().document("mutation($id: ID!) { resumeMemberEvent(input: { eventId: $id }) { event { status } } }")
                .variable("id", eventId).execute().path("resumeMemberEvent.event.status").entity(String.class).isEqualTo("PUBLISHED");

        shop.manager().document("mutation($id: ID!) { cancelMemberEvent(input: { eventId: $id }) { userErrors { field code } } }")
                .variable("id", eventId).execute()
                .path("cancelMemberEvent.userErrors[0].field").entityList(String.class).containsExactly("input", "reason");
        shop.manager().document("mutation($id: ID!) { cancelMemberEvent(input: { eventId: $id, reason: \"讲师临时有事\" }) { event { status cancelReason } } }")
                .variable("id", eventId).execute()
                .path("cancelMemberEvent.event.status").entity(String.class).isEqualTo("CANCELLED");
        assertThat(count("select count(*) from notification_outbox where kind = 'EVENT_UPDATE' and dedupe_key like 'event:' || :e || ':cancelled:%'",
                eventId)).isEqualTo(2);
        signUp(member(unique("fourth")), eventId).path("signUpForEvent.userErrors[0].code").entity(String.class)
                .isEqualTo("EVENT_SIGN_UP_CLOSED");
        shop.manager().document(UPDATE).variable("input", Map.of("eventId", eventId, "capacity", 5)).execute()
                .path("updateMemberEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_STATUS_CONFLICT");
    }

    @Test
    void noShowsAreCountedOnceTheEventHasEnded() {
        Shop shop = shop();
        Instant startsAt = now().plus(Duration.ofMinutes(30));
        String eventId = publishedEvent(shop, terms(startsAt, 5, 10));
        signUp(member(unique("absent")), eventId);
        signUp(member(unique("absent")), eventId);
        clock.setTo(startsAt.plus(Duration.ofHours(3)));
        admin().document(STATS).variable("id", eventId).execute()
                .path("memberEvent.status").entity(String.class).isEqualTo("FINISHED")
                .path("memberEvent.stats.noShows").entity(Integer.class).isEqualTo(2)
                .path("memberEvent.stats.attended").entity(Integer.class).isEqualTo(0);
        admin().document("query { memberEvents(filter: { status: FINISHED }) { totalCount statusCounts { status count } } }")
                .execute().path("memberEvents.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1));
    }

    @Test
    void absurdInputGetsClearErrors() {
        Shop shop = shop();
        Instant later = now().plus(Duration.ofDays(2));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> inputs = new ArrayList<>();
        java.util.function.BiConsumer<Map<String, Object>, String> expect = (input, code) -> {
            inputs.add(input);
            expected.put(String.valueOf(inputs.size() - 1), code);
        };
        Map<String, Object> t;
        t = terms(later, 10, 0); t.put("title", "   "); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, 0); t.put("title", "长".repeat(41)); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 0, 0); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 100_001, 0); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, -1); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, 600); expect.accept(t, "POINTS_CAP_EXCEEDED");
        t = terms(now().minus(Duration.ofDays(1)), 10, 0); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, 0); t.put("endsAt", at(later.minus(Duration.ofHours(1)))); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, 0); t.put("endsAt", at(later.plus(Duration.ofDays(30)))); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, 0); t.put("minTierLevel", 99); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, 0); t.put("tagIds", List.of("987654321")); expect.accept(t, "TAG_NOT_FOUND");
        t = terms(later, 10, 0); t.put("cancelDeadline", at(later.plus(Duration.ofHours(1)))); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, 0); t.put("signUpClosesAt", at(later.plus(Duration.ofDays(1)))); expect.accept(t, "INVALID_INPUT");
        t = terms(later, 10, 0); t.put("pictureUrl", "javascript:alert(1)"); expect.accept(t, "INVALID_INPUT");
        t = terms(now().plus(Duration.ofDays(3000)), 10, 0); expect.accept(t, "INVALID_INPUT");
        for (int i = 0; i < inputs.size(); i++) {
            GraphQlTester.Response answer = shop.manager().document(CREATE).variable("input", inputs.get(i)).execute();
            answer.path("createMemberEvent.event").valueIsNull();
            assertThat(answer.path("createMemberEvent.userErrors[0].code").entity(String.class).get())
                    .as("input " + i + ": " + inputs.get(i)).isEqualTo(expected.get(String.valueOf(i)));
            answer.path("createMemberEvent.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).isNotBlank());
        }
        assertThat(db.sql("select count(*) from member_event where store_id = :s").bind("s", Long.parseLong(shop.storeId()))
                .map(row -> row.get(0, Long.class)).one().block()).isZero();

        HttpGraphQlTester member = member(unique("curious"));
        signUp(member, "987654321").path("signUpForEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_NOT_FOUND");
        String draft = shop.manager().document(CREATE).variable("input", terms(later, 10, 0)).execute()
                .path("createMemberEvent.event.id").entity(String.class).get();
        signUp(member, draft).path("signUpForEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_NOT_FOUND");
        member.document(CANCEL).variable("id", draft).execute()
                .path("cancelEventSignUp.userErrors[0].code").entity(String.class).isEqualTo("EVENT_NOT_SIGNED_UP");
        newStaff(shop.storeId(), "CLERK").document(CHECK_IN).variable("id", draft).variable("code", "not-a-code").execute()
                .path("checkInAtEvent.userErrors[0].code").entity(String.class).isEqualTo("EVENT_CHECK_IN_CLOSED");
    }
}

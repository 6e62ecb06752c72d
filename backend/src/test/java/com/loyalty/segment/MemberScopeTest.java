package com.loyalty.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Clerks and store managers see only their store's members (registered or bought there), paged;
 * reading members one id after another is rate-limited and audited (issue 22).
 */
class MemberScopeTest extends IntegrationTest {

    @Test
    void aStoreManagerSeesOnlyTheirStoresMembers() {
        String storeA = createStore("scope-a");
        String storeB = createStore("scope-b");
        HttpGraphQlTester managerA = newStaff(storeA, "STORE_MANAGER");
        String registeredAtA = registeredAt(storeA, idOf(member(unique("reg-a"))));
        String boughtAtA = idOf(member(unique("buy-a")));
        new Till(newStaff(storeA, "CLERK")).earn(boughtAtA, unique("o"), 1_000);
        String ofB = registeredAt(storeB, idOf(member(unique("reg-b"))));

        managerA.documentName("members").variable("first", 1).execute()
                .path("members.totalCount").entity(Integer.class).isEqualTo(2)
                .path("members.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        managerA.documentName("members").variable("first", 100).execute()
                .path("members.edges[*].node.id").entityList(String.class).contains(registeredAtA, boughtAtA).hasSize(2);
        managerA.documentName("memberProfile").variable("id", ofB).execute().path("member").valueIsNull();
        managerA.documentName("memberProfile").variable("id", boughtAtA).execute().path("member.id")
                .entity(String.class).isEqualTo(boughtAtA);
        newStaff(storeB, "STORE_MANAGER").documentName("members").variable("first", 100).execute()
                .path("members.edges[*].node.id").entityList(String.class).containsExactly(ofB);
        managerA.documentName("members").variable("filter", Map.of("storeId", storeB)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        newMarketer().documentName("members").variable("first", 100).execute()
                .path("members.edges[*].node.id").entityList(String.class).contains(registeredAtA, boughtAtA, ofB);
    }

    @Test
    void aClerkReadingMembersOneByOneIsRateLimitedAndAudited() {
        String store = createStore("lookup");
        String clerkName = createStaff(store, "CLERK");
        HttpGraphQlTester clerk = staff(clerkName, STAFF_PASSWORD);
        String member = registeredAt(store, idOf(member(unique("looked-up"))));
        String elsewhere = idOf(member(unique("elsewhere")));

        clerk.documentName("memberProfile").variable("id", elsewhere).execute().path("member").valueIsNull();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 59; i++) {
            answers.add(clerk.documentName("memberProfile").variable("id", member).execute()
                    .path("member.id").entity(String.class).get());
        }
        assertThat(answers).hasSize(59).containsOnly(member);
        // the 61st read within the minute (the limit is 60 a minute per staff member, refused reads count)
        clerk.documentName("memberProfile").variable("id", member).execute()
                .errors().expect(e -> "RATE_LIMITED".equals(e.getExtensions().get("code"))).verify()
                .path("member").valueIsNull();

        Map<String, Long> audited = new java.util.HashMap<>();
        db.sql("select a.action, count(*) as n from staff_audit a join staff s on s.id = a.staff_id"
                        + " where s.username = :u group by a.action")
                .bind("u", clerkName)
                .map(row -> Map.entry(row.get("action", String.class), row.get("n", Long.class)))
                .all().doOnNext(e -> audited.put(e.getKey(), e.getValue())).blockLast();
        assertThat(audited).containsEntry("VIEW_MEMBER_PROFILE", 59L).containsEntry("VIEW_MEMBER_PROFILE_REFUSED", 1L);
    }

    private String registeredAt(String store, String memberId) {
        db.sql("update member set registration_store_id = :s where id = :m")
                .bind("s", Long.parseLong(store)).bind("m", Long.parseLong(memberId)).then().block();
        return memberId;
    }
}

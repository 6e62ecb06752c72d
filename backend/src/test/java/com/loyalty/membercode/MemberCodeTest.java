package com.loyalty.membercode;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class MemberCodeTest extends IntegrationTest {

    @Test
    void clerkScansTheMembersCodeAndSeesTheirCardWithAMaskedPhone() {
        String name = unique("card");
        HttpGraphQlTester member = member(name);
        member.documentName("updateProfile").variable("input", Map.of("nickname", "扫码顾客")).execute();
        member.documentName("bindPhone").variable("code", "phone-13700005678").execute();
        HttpGraphQlTester clerk = newStaff(createStore("till"), "CLERK");

        scan(clerk, code(member))
                .path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0)
                .path("scanMemberCode.card.member.nickname").entity(String.class).isEqualTo("扫码顾客")
                .path("scanMemberCode.card.member.phone").entity(String.class).isEqualTo("137****5678");

        Long audited = db.sql("""
                        select count(*) as n from staff_audit a join member m on m.id = a.member_id
                        where a.action = 'SCAN_MEMBER_CODE' and m.openid = :openid and a.store_id is not null
                        """)
                .bind("openid", "o-fake-" + name).map(row -> row.get("n", Long.class)).one().block();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aCodeScansOnlyOnce() {
        HttpGraphQlTester clerk = newStaff(createStore("once"), "CLERK");
        String token = code(member(unique("once")));
        scan(clerk, token).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        scan(clerk, token)
                .path("scanMemberCode.card").valueIsNull()
                .path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_USED");
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() {
        HttpGraphQlTester clerk = newStaff(createStore("late"), "CLERK");
        String token = code(member(unique("late")));

        clock.advance(Duration.ofSeconds(61));

        scan(clerk, token).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_EXPIRED");
    }

    @Test
    void aForgedCodeIsInvalid() {
        HttpGraphQlTester clerk = newStaff(createStore("forge"), "CLERK");
        String token = code(member(unique("forge")));
        String[] parts = token.split("\\.");
        String otherMember = "1." + parts[1] + "." + parts[2] + "." + parts[3];

        scan(clerk, otherMember).path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_INVALID");
        scan(clerk, "garbage").path("scanMemberCode.userErrors[0].code").entity(String.class).isEqualTo("CODE_INVALID");
    }

    @Test
    void parallelScansOfOneCodeLetExactlyOneThrough() {
        HttpGraphQlTester clerk = newStaff(createStore("rush"), "CLERK");
        String token = code(member(unique("rush")));

        List<String> outcomes = inParallel(20, i -> scan(clerk, token)
                .path("scanMemberCode.userErrors[*].code").entityList(String.class).get()
                .stream().findFirst().orElse("OK"));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("CODE_USED"::equals).hasSize(19);
    }

    @Test
    void membersCannotScanCodes() {
        HttpGraphQlTester member = member(unique("nosy"));
        scan(member, code(member(unique("victim"))))
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void memberPollingTheirCodeLearnsAtWhichStoreItWasScanned() {
        HttpGraphQlTester member = member(unique("poll"));
        String store = createStore("poll");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        String token = code(member);
        polled(member, token).path("memberCodeScan").valueIsNull();

        scan(clerk, token).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        polled(member, token)
                .path("memberCodeScan.storeId").entity(String.class).isEqualTo(store)
                .path("memberCodeScan.storeName").entity(String.class).satisfies(name -> assertThat(name).startsWith("poll"));
    }

    @Test
    void anotherMembersCodeTellsNothingWhenPolled() {
        HttpGraphQlTester owner = member(unique("owner"));
        HttpGraphQlTester clerk = newStaff(createStore("other"), "CLERK");
        String token = code(owner);
        scan(clerk, token).path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        polled(member(unique("snoop")), token).path("memberCodeScan").valueIsNull();
        polled(owner, "garbage").path("memberCodeScan").valueIsNull();
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response polled(HttpGraphQlTester member,
                                                                                        String token) {
        return member.documentName("memberCodeScan").variable("token", token).execute();
    }

    private static String code(HttpGraphQlTester member) {
        return member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response scan(HttpGraphQlTester staff,
                                                                                      String token) {
        return staff.documentName("scanMemberCode").variable("token", token).execute();
    }
}

package com.loyalty.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Staff find a member by phone, member code or nickname, within the members they may see. */
class MemberSearchTest extends IntegrationTest {

    private static final String FIND = """
            query($search: MemberSearch!) { findMembers(search: $search) {
              totalCount edges { node { id member { nickname phone } } } } }""";

    @Test
    void aClerkFindsTheirStoresMemberByPhoneAsTyped() {
        String store = createStore("phone");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        String phone = phone();
        HttpGraphQlTester member = memberOf(store, unique("p"));
        bindPhone(member, phone);

        clerk.document(FIND).variable("search", Map.of("phone", "+86 " + phone.substring(0, 3) + "-" + phone.substring(3)))
                .execute()
                .path("findMembers.totalCount").entity(Integer.class).isEqualTo(1)
                .path("findMembers.edges[0].node.id").entity(String.class).isEqualTo(idOf(member))
                .path("findMembers.edges[0].node.member.phone").entity(String.class)
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    }

    @Test
    void aSearchIsAuditedWithThePhoneMasked() {
        String store = createStore("audit");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        String clerkId = clerk.documentName("currentStaff").execute().path("currentStaff.id").entity(String.class).get();
        String phone = phone();

        clerk.document(FIND).variable("search", Map.of("phone", phone)).execute()
                .path("findMembers.totalCount").entity(Integer.class).isEqualTo(0);

        List<AuditEntry> searches = auditOf(clerkId, "SEARCH_MEMBERS");
        assertThat(searches).hasSize(1);
        assertThat(searches.get(0).storeId()).isEqualTo(store);
        assertThat(searches.get(0).detail()).contains(phone.substring(0, 3) + "****" + phone.substring(7)).doesNotContain(phone);
    }

    @Test
    void aScannedCodeFindsTheMemberAndStaysUsableAtTheTill() {
        String store = createStore("code");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        HttpGraphQlTester member = memberOf(store, unique("c"));
        String token = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();

        clerk.document(FIND).variable("search", Map.of("code", token)).execute()
                .path("findMembers.edges[*].node.id").entityList(String.class).containsExactly(idOf(member));
        clerk.documentName("recordPurchase")
                .variable("input", Map.of("memberCodeToken", token, "orderNo", unique("o"), "amountCents", 1_000))
                .execute()
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        clerk.document(FIND).variable("search", Map.of("code", token + "x")).execute()
                .errors().expect(e -> "CODE_INVALID".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void aNicknameIsFoundByAnyPartOfIt() {
        String store = createStore("nick");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        String nickname = unique("小明");
        HttpGraphQlTester member = memberOf(store, unique("n"));
        member.documentName("updateProfile").variable("input", Map.of("nickname", nickname)).execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0);

        clerk.document(FIND).variable("search", Map.of("nickname", nickname.substring(1))).execute()
                .path("findMembers.edges[*].node.member.nickname").entityList(String.class).containsExactly(nickname);
        clerk.document(FIND).variable("search", Map.of("nickname", "%")).execute()
                .path("findMembers.edges[*].node.member.nickname").entityList(String.class).doesNotContain(nickname);
    }

    @Test
    void aManagerOfOneStoreDoesNotFindAnotherStoresMember() {
        String storeA = createStore("a");
        String storeB = createStore("b");
        HttpGraphQlTester managerA = newStaff(storeA, "STORE_MANAGER");
        String phone = phone();
        String nickname = unique("隔壁");
        HttpGraphQlTester memberB = memberOf(storeB, unique("b"));
        bindPhone(memberB, phone);
        memberB.documentName("updateProfile").variable("input", Map.of("nickname", nickname)).execute();
        String token = memberB.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();

        for (Map<String, Object> search : java.util.List.<Map<String, Object>>of(Map.of("phone", phone),
                Map.of("nickname", nickname), Map.of("code", token))) {
            managerA.document(FIND).variable("search", search).execute()
                    .path("findMembers.totalCount").entity(Integer.class).isEqualTo(0);
        }
        newMarketer().document(FIND).variable("search", Map.of("phone", phone)).execute()
                .path("findMembers.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aSearchNamesExactlyOneThingAndARealPhone() {
        HttpGraphQlTester clerk = newStaff(createStore("bad"), "CLERK");
        for (Map<String, Object> search : java.util.List.<Map<String, Object>>of(Map.of(),
                Map.of("phone", "13800000000", "nickname", "x"), Map.of("phone", "12345"), Map.of("nickname", "长".repeat(33)))) {
            clerk.document(FIND).variable("search", search).execute()
                    .errors().expect(e -> "INVALID_INPUT".equals(e.getExtensions().get("code"))).verify();
        }
    }

    private void bindPhone(HttpGraphQlTester member, String phone) {
        member.documentName("bindPhone").variable("code", "phone-" + phone).execute()
                .path("bindPhone.userErrors").entityList(Object.class).hasSize(0);
    }

    /** A mobile number no other test binds. */
    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}

package com.loyalty.tag;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.security.Role;
import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class ManualTagTest extends IntegrationTest {

    @Test
    void aClerkTagsAndUntagsAMemberOnceEachWithTheReasonAudited() {
        String store = createStore("vip");
        String tag = new TagDesk(newMarketer()).create(unique("VIP"));
        TagDesk clerk = new TagDesk(newStaff(store, "CLERK"));
        String member = ofStore(store, idOf(member(unique("vip"))));

        clerk.add(member, tag, "老顾客").path("addMemberTag.changed").entity(Boolean.class).isEqualTo(true)
                .path("addMemberTag.member.id").entity(String.class).isEqualTo(member)
                .path("addMemberTag.tag.memberCount").entity(Integer.class).isEqualTo(1);
        clerk.add(member, tag, "老顾客").path("addMemberTag.changed").entity(Boolean.class).isEqualTo(false)
                .path("addMemberTag.userErrors").entityList(Object.class).hasSize(0)
                .path("addMemberTag.tag.memberCount").entity(Integer.class).isEqualTo(1);
        clerk.remove(member, tag, "录错了").path("removeMemberTag.changed").entity(Boolean.class).isEqualTo(true)
                .path("removeMemberTag.tag.memberCount").entity(Integer.class).isEqualTo(0);
        clerk.remove(member, tag, "录错了").path("removeMemberTag.changed").entity(Boolean.class).isEqualTo(false);

        assertThat(audit(member)).containsExactly("ADD_MEMBER_TAG " + tag, "REMOVE_MEMBER_TAG " + tag);
        assertThat(db.sql("select change || ' ' || reason as e from member_tag_event where member_id = :m order by id")
                .bind("m", Long.parseLong(member)).map(row -> row.get("e", String.class)).all().collectList().block())
                .containsExactly("ADDED 老顾客", "REMOVED 录错了");
    }

    @Test
    void ruleTagsCannotBePutOnOrTakenOffByHand() {
        String store = createStore("rule");
        String tag = new TagDesk(newMarketer()).create(unique("高消费"),
                Map.of("kind", "TOTAL_SPEND", "minCents", 1_000_000, "withinDays", 30));
        TagDesk clerk = new TagDesk(newStaff(store, "CLERK"));
        String member = ofStore(store, idOf(member(unique("plain"))));

        clerk.add(member, tag, "想加").path("addMemberTag.userErrors[0].code").entity(String.class)
                .isEqualTo("TAG_NOT_MANUAL")
                .path("addMemberTag.userErrors[0].field").entityList(String.class).containsExactly("input", "tagId");
        clerk.remove(member, tag, "想删").path("removeMemberTag.userErrors[0].code").entity(String.class)
                .isEqualTo("TAG_NOT_MANUAL");
        assertThat(audit(member)).isEmpty();
    }

    @Test
    void aClerkOfAnotherBrandCanNeitherSeeNorUseTheBrandsTagsOrMembers() {
        String tag = new TagDesk(admin()).create(unique("本品牌"));
        String member = idOf(member(unique("ours")));
        TagDesk outsider = new TagDesk(otherBrandClerk());

        outsider.add(member, tag, "越权").path("addMemberTag.userErrors[0].code").entity(String.class)
                .isEqualTo("MEMBER_NOT_FOUND");
        outsider.remove(member, tag, "越权").path("removeMemberTag.userErrors[0].code").entity(String.class)
                .isEqualTo("MEMBER_NOT_FOUND");
        outsider.staff().documentName("tags").variable("first", 100).execute()
                .path("tags.edges[*].node.id").entityList(String.class).doesNotContain(tag);
        assertThat(audit(member)).isEmpty();
    }

    @Test
    void membersCannotSeeOrChangeTagsAndClerksCannotDefineThem() {
        String store = createStore("deny");
        String tag = new TagDesk(newMarketer()).create(unique("内部"));
        HttpGraphQlTester member = member(unique("curious"));
        String id = idOf(member);

        forbidden(new TagDesk(member).add(id, tag, "自己加"));
        forbidden(new TagDesk(member).remove(id, tag, "自己删"));
        forbidden(member.documentName("tags").execute());
        forbidden(member.documentName("createTag").variable("input", Map.of("name", unique("我的"))).execute());
        forbidden(newStaff(store, "CLERK").documentName("createTag").variable("input", Map.of("name", unique("店员")))
                .execute());
    }

    @Test
    void marketersPageThroughTheBrandsTagsWithTheirRules() {
        TagDesk manager = new TagDesk(newMarketer());
        String first = manager.create(unique("甲"));
        String second = manager.create(unique("乙"), Map.of("kind", "PURCHASE_COUNT", "minCount", 9_999,
                "withinDays", 7));

        var page = manager.staff().documentName("tags").variable("first", 1).execute();
        page.path("tags.edges[0].node.id").entity(String.class).isEqualTo(second)
                .path("tags.edges[0].node.kind").entity(String.class).isEqualTo("RULE")
                .path("tags.edges[0].node.rule.conditions[0].kind").entity(String.class).isEqualTo("PURCHASE_COUNT")
                .path("tags.edges[0].node.memberCount").entity(Integer.class).isEqualTo(0)
                .path("tags.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = page.path("tags.pageInfo.endCursor").entity(String.class).get();
        manager.staff().documentName("tags").variable("first", 1).variable("after", cursor).execute()
                .path("tags.edges[0].node.id").entity(String.class).isEqualTo(first)
                .path("tags.edges[0].node.rule").valueIsNull();
        manager.staff().document("mutation($id: ID!) { deleteTag(input: { tagId: $id }) { deletedTagId } }")
                .variable("id", first).execute().path("deleteTag.deletedTagId").entity(String.class).isEqualTo(first);
        manager.staff().documentName("tags").variable("kind", "MANUAL").variable("first", 100).execute()
                .path("tags.edges[*].node.id").entityList(String.class).doesNotContain(first, second);
    }

    /** A clerk of a second brand, with its own store. */
    private HttpGraphQlTester otherBrandClerk() {
        Long brand = db.sql("insert into brand (name) values ('别家品牌') returning id")
                .map(row -> row.get("id", Long.class)).one().block();
        Long store = db.sql("insert into store (brand_id, name) values (:b, '别家门店') returning id").bind("b", brand)
                .map(row -> row.get("id", Long.class)).one().block();
        String username = unique("other-clerk");
        insertStaffAccount(brand, store, username, STAFF_PASSWORD, Role.CLERK);
        return staff(username, STAFF_PASSWORD);
    }

    private List<String> audit(String member) {
        return db.sql("select action || ' ' || split_part(detail, ' ', 1) as a from staff_audit "
                        + "where member_id = :m and action like '%MEMBER_TAG' order by id")
                .bind("m", Long.parseLong(member)).map(row -> row.get("a", String.class)).all().collectList().block();
    }

    private static void forbidden(GraphQlTester.Response response) {
        response.errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    /** The member, registered at the store (clerks and managers tag only their store's members). */
    private String ofStore(String store, String memberId) {
        db.sql("update member set registration_store_id = :s where id = :m")
                .bind("s", Long.parseLong(store)).bind("m", Long.parseLong(memberId)).then().block();
        return memberId;
    }
}

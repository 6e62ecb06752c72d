package com.loyalty.tag;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Staff find tags by part of their name and read one tag by id. */
class TagListTest extends IntegrationTest {

    @Test
    void tagsAreFoundByPartOfTheirNameAndReadOneByOne() {
        TagDesk marketer = new TagDesk(newMarketer());
        String prefix = unique("搜标签");
        String vip = marketer.create(prefix + "VIP");
        String big = marketer.create(prefix + "大客户", Map.of("kind", "TOTAL_SPEND", "minCents", 100_000, "withinDays", 30));
        marketer.create(unique("其他"));

        newStaff(createStore(unique("tags")), "CLERK")
                .document("query($s: String) { tags(search: $s, first: 10) { totalCount edges { node { id } } } }")
                .variable("s", prefix.toLowerCase()).execute()
                .path("tags.totalCount").entity(Integer.class).isEqualTo(2)
                .path("tags.edges[*].node.id").entityList(String.class).containsExactly(big, vip);
        newMarketer().document("query($s: String) { tags(kind: RULE, search: $s) { totalCount } }").variable("s", prefix)
                .execute().path("tags.totalCount").entity(Integer.class).isEqualTo(1);
        newMarketer().document("{ tags(search: \"100%_\") { totalCount } }").execute()
                .path("tags.totalCount").entity(Integer.class).isEqualTo(0);

        newMarketer().document("query($id: ID!) { tag(id: $id) { name kind memberCount rule { conditions { kind minCents } } } }")
                .variable("id", big).execute()
                .path("tag.name").entity(String.class).isEqualTo(prefix + "大客户")
                .path("tag.rule.conditions[0].minCents").entity(Long.class).isEqualTo(100_000L);
        newMarketer().document("{ tag(id: 999999999) { id } }").execute().path("tag").valueIsNull();
    }

    @Test
    void tagChangesAreAuditedWithTheTagAndItsRuleBeforeAndAfter() {
        TagDesk marketer = new TagDesk(newMarketer());
        String tag = marketer.create(unique("审计标签"), Map.of("kind", "PURCHASE_COUNT", "minCount", 2, "withinDays", 30));
        newMarketer().documentName("updateTag").variable("input", Map.of("tagId", tag, "rule", Map.of("conditions",
                        java.util.List.of(Map.of("kind", "PURCHASE_COUNT", "minCount", 5, "withinDays", 30))))).execute()
                .path("updateTag.userErrors").entityList(Object.class).hasSize(0);

        admin().document("query($id: ID!) { staffActions(subject: \"TAG\", subjectId: $id) { edges { node { action before after } } } }")
                .variable("id", tag).execute()
                .path("staffActions.edges[*].node.action").entityList(String.class).containsExactly("UPDATE_TAG", "CREATE_TAG")
                .path("staffActions.edges[0].node.before").entity(String.class)
                .satisfies(b -> org.assertj.core.api.Assertions.assertThat(b).contains("\"minCount\": 2"))
                .path("staffActions.edges[0].node.after").entity(String.class)
                .satisfies(a -> org.assertj.core.api.Assertions.assertThat(a).contains("\"minCount\": 5"));
    }
}

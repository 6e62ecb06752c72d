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
}

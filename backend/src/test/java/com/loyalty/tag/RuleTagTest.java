package com.loyalty.tag;

import static com.loyalty.tag.TagDesk.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class RuleTagTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String TOYS = "儿童玩具";

    @Autowired
    RuleTagService ruleTags;

    @Autowired
    TagService tags;

    @Test
    void threeToyOrdersInNinetyDaysTagTheMemberOnTheThirdAndTheTagGoesWhenTheFirstLeavesTheWindow() {
        String tag = manager().create(unique("玩具常客"), Map.of("kind", "CATEGORY_PURCHASES", "category", TOYS,
                "minCount", 3, "withinDays", 90));
        String member = idOf(member(unique("parent")));
        Till till = till();

        buy(till, member, "T-1", TOYS);
        buy(till, member, "T-2", TOYS);
        buy(till, member, "T-3", "茶饮");
        assertThat(tagged(member, tag)).isFalse();
        buy(till, member, "T-4", TOYS);
        assertThat(tagged(member, tag)).isTrue();

        clock.advance(Duration.ofDays(89));
        ruleTags.refreshAll(today()).block();
        assertThat(tagged(member, tag)).as("the first order is still within 90 days").isTrue();

        clock.advance(Duration.ofDays(1));
        assertThat(ruleTags.refreshAll(today()).block()).isPositive();
        assertThat(tagged(member, tag)).as("the first order left the window").isFalse();
        assertThat(events(member, tag)).containsExactly("ADDED", "REMOVED");
    }

    @Test
    void anOrderRefundedInFullNoLongerCountsAndTheTagGoesAtTheRefund() {
        String tag = manager().create(unique("玩具常客"), Map.of("kind", "CATEGORY_PURCHASES", "category", TOYS,
                "minCount", 2, "withinDays", 30));
        String member = idOf(member(unique("refunder")));
        Till till = till();
        buy(till, member, "R-1", TOYS);
        buy(till, member, "R-2", TOYS);
        assertThat(tagged(member, tag)).isTrue();

        till.refund("R-2", "RF-1", 5_000).path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
        assertThat(tagged(member, tag)).as("half refunded still counts").isTrue();
        till.refund("R-2", "RF-2", 5_000).path("refundPurchase.userErrors").entityList(Object.class).hasSize(0);
        assertThat(tagged(member, tag)).isFalse();
    }

    @Test
    void averageOrderValueIsCountedNetOfRefunds() {
        String tag = manager().create(unique("高客单"), Map.of("kind", "AVERAGE_ORDER_VALUE", "minCents", 30_000,
                "withinDays", 30));
        String member = idOf(member(unique("big")));
        Till till = till();

        till.earn(member, "A-1", 20_000);
        assertThat(tagged(member, tag)).isFalse();
        till.earn(member, "A-2", 50_000);
        assertThat(tagged(member, tag)).as("average 350 yuan").isTrue();
        till.refund("A-2", "AR-1", 15_000);
        assertThat(tagged(member, tag)).as("average 275 yuan after the refund").isFalse();
    }

    @Test
    void birthdayThisMonthFollowsTheMonth() {
        String tag = manager().create(unique("本月寿星"), Map.of("kind", "BIRTHDAY_THIS_MONTH"));
        HttpGraphQlTester me = member(unique("bday"));
        me.documentName("updateProfile").variable("input", Map.of("birthday", "1990-03-15")).execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0);
        String member = idOf(me);

        clock.setTo(ZonedDateTime.of(2030, 2, 28, 23, 0, 0, 0, SHANGHAI).toInstant());
        ruleTags.refreshAll(today()).block();
        assertThat(tagged(member, tag)).isFalse();

        clock.setTo(ZonedDateTime.of(2030, 3, 1, 0, 30, 0, 0, SHANGHAI).toInstant());
        ruleTags.refreshAll(today()).block();
        assertThat(tagged(member, tag)).isTrue();

        clock.setTo(ZonedDateTime.of(2030, 4, 1, 0, 30, 0, 0, SHANGHAI).toInstant());
        ruleTags.refreshAll(today()).block();
        assertThat(tagged(member, tag)).isFalse();
    }

    @Test
    void aMemberWithoutOrdersForThirtyDaysIsTaggedUntilTheNextOrder() {
        String tag = manager().create(unique("沉睡"), Map.of("kind", "NO_PURCHASE_FOR", "days", 30));
        String member = idOf(member(unique("sleepy")));
        ruleTags.refreshAll(today()).block();
        assertThat(tagged(member, tag)).as("a new member is not dormant").isFalse();

        clock.advance(Duration.ofDays(31));
        ruleTags.refreshAll(today()).block();
        assertThat(tagged(member, tag)).isTrue();

        till().earn(member, "N-1", 1_000);
        assertThat(tagged(member, tag)).isFalse();
    }

    @Test
    void allConditionsMustHoldAndANewOrChangedRuleAppliesAtOnce() {
        String member = idOf(member(unique("loyal")));
        Till till = till();
        till.earn(member, "B-1", 10_000);
        till.earn(member, "B-2", 10_000);
        TagDesk desk = manager();

        String tag = desk.create(unique("活跃高消费"), Map.of("kind", "PURCHASE_COUNT", "minCount", 2, "withinDays", 30),
                Map.of("kind", "TOTAL_SPEND", "minCents", 100_000, "withinDays", 30));
        assertThat(tagged(member, tag)).as("two orders but only 200 yuan").isFalse();
        till.earn(member, "B-3", 80_000);
        assertThat(tagged(member, tag)).isTrue();

        desk.staff().documentName("updateTag").variable("input", Map.of("tagId", tag, "rule", Map.of("conditions",
                        List.of(Map.of("kind", "PURCHASE_COUNT", "minCount", 5, "withinDays", 30)))))
                .execute()
                .path("updateTag.userErrors").entityList(Object.class).hasSize(0)
                .path("updateTag.tag.rule.conditions[0].minCount").entity(Integer.class).isEqualTo(5);
        assertThat(tagged(member, tag)).isFalse();
        till.earn(member, "B-4", 80_000);
        assertThat(tagged(member, tag)).as("the next order is checked against the changed rule: 4 orders of 5").isFalse();
        till.earn(member, "B-5", 10_000);
        assertThat(tagged(member, tag)).isTrue();
    }

    @Test
    void aRuleIsCheckedAndTagNamesAreUniqueInTheBrand() {
        TagDesk desk = manager();
        desk.staff().documentName("createTag").variable("input", Map.of("name", "缺类目", "rule",
                        Map.of("conditions", List.of(Map.of("kind", "CATEGORY_PURCHASES", "minCount", 3, "withinDays", 90)))))
                .execute()
                .path("createTag.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("createTag.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "rule", "conditions", "0", "category");
        String name = unique("重名");
        desk.create(name);
        desk.staff().documentName("createTag").variable("input", Map.of("name", name)).execute()
                .path("createTag.userErrors[0].code").entity(String.class).isEqualTo("TAG_NAME_TAKEN");
        String other = desk.create(unique("另一个"));
        desk.staff().documentName("updateTag").variable("input", Map.of("tagId", other, "name", name)).execute()
                .path("updateTag.userErrors[0].code").entity(String.class).isEqualTo("TAG_NAME_TAKEN");
        desk.staff().documentName("updateTag").variable("input", Map.of("tagId", other, "rule", Map.of("conditions",
                        List.of(Map.of("kind", "BIRTHDAY_THIS_MONTH"))))).execute()
                .path("updateTag.userErrors[0].field").entityList(String.class).containsExactly("input", "rule");
    }

    private TagDesk manager() {
        return new TagDesk(newMarketer());
    }

    private Till till() {
        return new Till(newStaff(createStore("toys"), "CLERK"));
    }

    private static void buy(Till till, String member, String orderNo, String category) {
        till.buy(member, orderNo, 10_000, Map.of("items", List.of(item(category, 10_000))))
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the member has the tag, as the member profile shows it to staff. */
    private boolean tagged(String member, String tag) {
        return tags.tagsOf(List.of(Long.parseLong(member))).block().get(Long.parseLong(member)).stream()
                .anyMatch(t -> String.valueOf(t.id()).equals(tag));
    }

    private List<String> events(String member, String tag) {
        return db.sql("select change from member_tag_event where member_id = :m and tag_id = :t order by id")
                .bind("m", Long.parseLong(member)).bind("t", Long.parseLong(tag)).map(row -> row.get("change", String.class)).all().collectList().block();
    }
}

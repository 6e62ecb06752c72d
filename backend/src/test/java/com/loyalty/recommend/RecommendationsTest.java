package com.loyalty.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.member.MemberService;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.support.IntegrationTest;
import com.loyalty.wechat.WeChatClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.test.StepVerifier;

/**
 * Recommendations on a bakery brand of its own. Its 25 baskets, all at store A in the last 25 days:
 * 6 x 生日蛋糕+蜡烛, 2 x 生日蛋糕+蜡烛+生日帽, 5 x 吐司+牛奶, 4 x 可颂+咖啡, 3 x 咖啡, 3 x 吐司 (bought by
 * "crowd"), and the member "fan": 生日蛋糕 20 days ago, then 吐司 2 days ago. So CAKE is in 9 baskets,
 * CANDLE 8, TOAST 9, MILK 5, COFFEE 7, CROISSANT 4, HAT 2; store A's best sellers are CAKE, TOAST
 * (9, ties by SKU), CANDLE, COFFEE, MILK, CROISSANT, HAT. The default thresholds (support 1 %,
 * confidence 20 %) give fan: 蜡烛 (生日蛋糕 -> 蜡烛, 8/9 x 25/9), 牛奶 (吐司 -> 牛奶, 5/9 x 25/9),
 * 生日帽 (2/9 x 25/9), then best sellers; 吐司, just bought, never.
 */
class RecommendationsTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    WeChatClient weChat;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    MemberService members;

    private BasketBrand bakery;
    private String fanName;
    private long fan;

    @BeforeEach
    void bakeryWithHistory() {
        Instant now = clock.instant();
        bakery = new BasketBrand(db, passwords, STAFF_PASSWORD, weChat.appId());
        long crowd = bakery.member(unique("crowd"), now);
        bakery.buyTimes(crowd, now, 6, "CAKE", "CANDLE");
        bakery.buyTimes(crowd, now, 2, "CAKE", "CANDLE", "HAT");
        bakery.buyTimes(crowd, now, 5, "TOAST", "MILK");
        bakery.buyTimes(crowd, now, 4, "CROISSANT", "COFFEE");
        bakery.buyTimes(crowd, now, 3, "COFFEE");
        bakery.buyTimes(crowd, now, 3, "TOAST");
        fanName = unique("fan");
        fan = bakery.member(fanName, now);
        bakery.buy(fan, bakery.storeA, now, 20, List.of("CAKE"));
        bakery.buy(fan, bakery.storeA, now, 2, List.of("TOAST"));
        runRulesJob();
    }

    @Test
    void aMemberGetsWhatTheirBasketsGoWithStrongestFirstWithTheReasonAndNotWhatTheyJustBought() {
        HttpGraphQlTester member = member(fanName);

        List<Map<String, Object>> list = recommendationsOf(member);

        assertThat(list).extracting(r -> r.get("sku")).containsExactly("CANDLE", "MILK", "HAT", "CAKE", "COFFEE");
        assertThat(list).extracting(r -> r.get("reason")).containsExactly(
                "常与生日蛋糕一起购买", "常与吐司一起购买", "常与生日蛋糕一起购买", "本店热销", "本店热销");
        assertThat(list.get(0)).containsEntry("name", "蜡烛").containsEntry("category", "配件")
                .containsEntry("source", "BOUGHT_TOGETHER");
        assertThat((Double) list.get(0).get("score")).isCloseTo(8.0 / 9 * 25 / 9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(list.get(3)).containsEntry("source", "BESTSELLER").containsEntry("score", null);
        assertThat(member.documentName("recommendations").variable("first", 2).execute()
                .path("recommendations[*].sku").entityList(String.class).get()).containsExactly("CANDLE", "MILK");
    }

    @Test
    void productsOutOfStockAtTheStoreAreSkippedThereButNotAtAnotherStore() {
        HttpGraphQlTester clerkA = staff(bakery.clerkA, STAFF_PASSWORD);
        clerkA.documentName("setStoreStock").variable("input", Map.of("sku", "CANDLE", "inStock", false)).execute()
                .path("setStoreStock.userErrors").entityList(Object.class).hasSize(0)
                .path("setStoreStock.changed").entity(Boolean.class).isEqualTo(true);

        assertThat(recommendationsOf(member(fanName))).extracting(r -> r.get("sku"))
                .containsExactly("MILK", "HAT", "CAKE", "COFFEE", "CROISSANT");
        assertThat(skusAtTheTill(clerkA)).doesNotContain("CANDLE");
        // store B's clerk sees only store B's members: the fan once bought a cake there too
        bakery.buy(fan, bakery.storeB, clock.instant(), 30, List.of("CAKE"));
        assertThat(skusAtTheTill(staff(bakery.clerkB, STAFF_PASSWORD))).startsWith("CANDLE", "MILK");
    }

    @Test
    void aNewMemberGetsTheStoresBestSellers() {
        String newbie = unique("newbie");
        bakery.member(newbie, clock.instant());

        List<Map<String, Object>> list = recommendationsOf(member(newbie));

        assertThat(list).extracting(r -> r.get("sku")).containsExactly("CAKE", "TOAST", "CANDLE", "COFFEE", "MILK");
        assertThat(list).extracting(r -> r.get("reason")).containsOnly("本店热销");
        assertThat(list).extracting(r -> r.get("name")).startsWith("生日蛋糕", "吐司");
    }

    @Test
    void boughtTogetherShowsTheRulesOfTheProductWithTheirMeasures() {
        HttpGraphQlTester member = member(fanName);

        List<Map<String, Object>> rules = member.documentName("frequentlyBoughtTogether").variable("sku", "CAKE")
                .execute().path("frequentlyBoughtTogether").entityList(map()).get();

        assertThat(rules).extracting(r -> r.get("text")).containsExactly("生日蛋糕 → 蜡烛", "生日蛋糕 → 生日帽");
        assertThat((Double) rules.get(0).get("support")).isEqualTo(8.0 / 25);
        assertThat((Double) rules.get(0).get("confidence")).isEqualTo(8.0 / 9);
        assertThat((Double) rules.get(0).get("lift")).isEqualTo(8.0 * 25 / (9.0 * 8));
        staff(bakery.managerA, STAFF_PASSWORD).documentName("associationRules").variable("first", 3).execute()
                .path("associationRules.baskets").entity(Integer.class).isEqualTo(25)
                .path("associationRules.windowDays").entity(Integer.class).isEqualTo(180)
                .path("associationRules.rules[*].text").entityList(String.class).hasSize(3);
    }

    @Test
    void theMemberSeesOnlyTheirOwnAndStaffOfAnotherBrandAreRefused() {
        anonymous().documentName("recommendations").execute().errors()
                .expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))).verify();
        member(fanName).documentName("memberRecommendations").variable("id", String.valueOf(fan)).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        HttpGraphQlTester rival = newStaff(createStore("rival"), "CLERK");
        rival.documentName("memberRecommendations").variable("id", String.valueOf(fan)).execute()
                .path("member").valueIsNull();
        rival.documentName("frequentlyBoughtTogether").variable("sku", "CAKE").execute()
                .path("frequentlyBoughtTogether").entityList(Object.class).hasSize(0);
        Viewer rivalAdmin = new Viewer(1, Role.ADMIN, null, bakery.brandId + 1000);
        StepVerifier.create(members.get(fan).flatMap(m -> recommendations.forMember(rivalAdmin, m, 5)))
                .expectError(AccessDeniedException.class).verify();
        assertThat(skusAtTheTill(staff(bakery.managerA, STAFF_PASSWORD))).first().isEqualTo("CANDLE");
    }

    @Test
    void runningTheJobTwiceGivesTheSameRulesAndReadersNeverSeeAHalfReplacedSet() {
        List<Map<String, Object>> before = strongestRules();
        assertThat(before).hasSize(13);

        List<Integer> reads = inParallel(24, i -> {
            if (i % 6 == 0) {
                admin().documentName("runJob").variable("job", "RECOMMENDATION_RULES").execute()
                        .path("runJob.summary").hasValue();
                return -1;
            }
            return member(fanName).documentName("frequentlyBoughtTogether").variable("sku", "CAKE").execute()
                    .path("frequentlyBoughtTogether").entityList(Object.class).get().size();
        });
        runRulesJob();

        assertThat(reads).filteredOn(n -> n >= 0).containsOnly(2);
        assertThat(strongestRules()).isEqualTo(before);
    }

    private List<Map<String, Object>> strongestRules() {
        return staff(bakery.admin, STAFF_PASSWORD).documentName("associationRules").variable("first", 100).execute()
                .path("associationRules.rules").entityList(map()).get();
    }

    private List<Map<String, Object>> recommendationsOf(HttpGraphQlTester member) {
        return member.documentName("recommendations").execute().path("recommendations").entityList(map()).get();
    }

    private List<String> skusAtTheTill(HttpGraphQlTester staff) {
        return staff.documentName("memberRecommendations").variable("id", String.valueOf(fan)).execute()
                .path("member.member.recommendations[*].sku").entityList(String.class).get();
    }

    private void runRulesJob() {
        admin().documentName("runJob").variable("job", "RECOMMENDATION_RULES").execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).contains("brand "));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> map() {
        return (Class) Map.class;
    }
}

package com.loyalty.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.programme.ProgramRulesForTests;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class TierTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;

    /** Other tests see the first rules again. */
    @AfterEach
    void backToTheFirstRules() {
        ProgramRulesForTests.backToTheFirstVersion(context);
    }

    @Test
    void aPurchaseThatLiftsTheAverageUpgradesAtOnceAndLaterPurchasesEarnTheMultiplier() {
        String name = unique("up");
        HttpGraphQlTester member = member(name);
        String id = idOf(member);
        Till till = new Till(newStaff(createStore("tier"), "CLERK"));

        till.earn(id, "T-1", 80_000);
        tier(member).path("me.tier.name").entity(String.class).isEqualTo("普通")
                .path("me.tierProgress.next.name").entity(String.class).isEqualTo("银卡")
                .path("me.tierProgress.spendNeededCents").entity(Long.class).isEqualTo(10_000L)
                .path("me.tierProgress.basis").entity(String.class).satisfies(basis ->
                        assertThat(basis).contains("最近 3 个自然月").contains("¥100.00").contains("银卡"));

        till.earn(id, "T-2", 10_000);
        tier(member).path("me.tier.name").entity(String.class).isEqualTo("银卡")
                .path("me.tierHistory[0].to.name").entity(String.class).isEqualTo("银卡")
                .path("me.tierHistory[0].reviewMonth").valueIsNull()
                .path("me.tierProgress.keepRequirementCents").entity(Long.class).isEqualTo(30_000L);

        till.buy(id, "T-3", 10_000)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(120L)
                .path("recordPurchase.purchase.earnBreakdown[1].rule").entity(String.class).isEqualTo("TIER")
                .path("recordPurchase.purchase.earnBreakdown[1].points").entity(Long.class).isEqualTo(20L);
    }

    @Test
    void threeReviewsBelowTheThresholdDropOneTierAndMeetingItResetsTheCount() {
        String name = unique("down");
        HttpGraphQlTester member = member(name);
        String id = idOf(member);
        String store = createStore("down");
        new Till(newStaff(store, "CLERK")).earn(id, "G-1", 240_000);
        assertThat(tierOf(member)).isEqualTo("金卡");

        // the spend counts for the reviews of the three following months
        review(next(1));
        review(next(2));
        review(next(3));
        review(next(4));
        review(next(4));
        review(next(5));
        member = member(name);
        tier(member).path("me.tier.name").entity(String.class).isEqualTo("金卡")
                .path("me.tierProgress.monthsBelowThreshold").entity(Integer.class).isEqualTo(2);

        // shopping again before the third review resets the count
        clock.setTo(next(5).atStartOfDay(SHANGHAI).plusDays(9).toInstant());
        new Till(newStaff(store, "CLERK")).earn(id, "G-2", 240_000);
        review(next(6));
        member = member(name);
        tier(member).path("me.tierProgress.monthsBelowThreshold").entity(Integer.class).isEqualTo(0);

        review(next(9));
        review(next(10));
        review(next(11));
        member = member(name);
        tier(member).path("me.tier.name").entity(String.class).isEqualTo("银卡")
                .path("me.tierHistory[0].from.name").entity(String.class).isEqualTo("金卡")
                .path("me.tierHistory[0].to.name").entity(String.class).isEqualTo("银卡")
                .path("me.tierHistory[0].reviewMonth").entity(String.class).isEqualTo(next(11).toString())
                .path("me.tierHistory[0].reason").entity(String.class).satisfies(r -> assertThat(r).contains("连续 3 次"));
    }

    @Test
    void theReviewsBeforeADropAreThoseOfTheRulesWhenTheReviewedMonthBegan() {
        // from the review of month 6 on, two reviews in a row below drop a tier (three before)
        ProgramRulesForTests.schedule(admin(), context, next(6).atStartOfDay(SHANGHAI).toInstant(),
                        rules -> rules.put("tierReviewsBeforeDrop", 2), "连续 2 次未达标降一级")
                .path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        String store = createStore("rule");
        String early = unique("early");
        new Till(newStaff(store, "CLERK")).earn(idOf(member(early)), "E-1", 240_000);
        String late = unique("late");
        String lateId = idOf(member(late));
        review(next(1));
        clock.setTo(next(1).atStartOfDay(SHANGHAI).plusDays(9).toInstant());
        new Till(newStaff(store, "CLERK")).earn(lateId, "L-1", 240_000);
        assertThat(tierOf(member(late))).isEqualTo("金卡");

        // early's spend counts for the reviews of months 1 to 3, late's for 2 to 4
        for (int month = 2; month <= 5; month++) {
            review(next(month));
        }
        // the review of month 5 ran under the old rules: two below keep 金卡
        tier(member(early)).path("me.tier.name").entity(String.class).isEqualTo("金卡")
                .path("me.tierProgress.monthsBelowThreshold").entity(Integer.class).isEqualTo(2)
                .path("me.tierProgress.basis").entity(String.class).satisfies(basis -> assertThat(basis)
                        .contains("连续 3 次低于金卡保级标准 ¥800.00 降一级；当前已连续 2 次"));
        tier(member(late)).path("me.tierProgress.monthsBelowThreshold").entity(Integer.class).isEqualTo(1);

        review(next(6));
        tier(member(late)).path("me.tier.name").entity(String.class).isEqualTo("银卡")
                .path("me.tierHistory[0].reviewMonth").entity(String.class).isEqualTo(next(6).toString())
                .path("me.tierHistory[0].reason").entity(String.class).satisfies(r -> assertThat(r)
                        .startsWith("连续 2 次复核月均消费低于金卡保级标准"))
                .path("me.tierProgress.basis").entity(String.class).satisfies(basis -> assertThat(basis)
                        .contains("连续 2 次低于银卡保级标准"));
    }

    /** The first day of the month {@code months} after the current one. */
    private LocalDate next(int months) {
        return LocalDate.now(SHANGHAI).withDayOfMonth(1).plusMonths(months);
    }

    /** Runs the review on its day (a job never runs for a day still to come). */
    private void review(LocalDate asOf) {
        clock.setTo(asOf.atTime(1, 0).atZone(SHANGHAI).toInstant());
        admin().documentName("runJob").variable("job", "TIER_REVIEW").variable("asOf", asOf.toString()).execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("reviewed"));
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response tier(HttpGraphQlTester member) {
        return member.documentName("myTier").execute();
    }

    private static String tierOf(HttpGraphQlTester member) {
        return tier(member).path("me.tier.name").entity(String.class).get();
    }
}

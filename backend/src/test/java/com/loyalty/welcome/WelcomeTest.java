package com.loyalty.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.programme.ProgramRulesForTests;
import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A new member's welcome: the pack of the rules in force and a message, once. */
class WelcomeTest extends IntegrationTest {

    static final String WELCOME_TEXT = "欢迎加入，首单满50减10";
    static final String MY_WELCOME = "{ myWelcome { welcomedAt packName message } }";
    static final String MARK_SEEN = "mutation { markWelcomeSeen { changed userErrors { code } } }";

    @Autowired
    ApplicationContext context;

    @AfterEach
    void backToTheFirstRules() {
        ProgramRulesForTests.backToTheFirstVersion(context);
    }

    @Test
    void aNewMemberRegisteredAtAStoreGetsTheWelcomePackAndOneMessageOnce() {
        String pack = welcomePack();
        String store = createStore("welcome");
        String name = unique("newcomer");

        // the same first sign-in sent six times at once (a retry storm) registers and welcomes once
        inParallel(6, i -> {
            anonymous().documentName("login").variable("input", Map.of("code", "dev-" + name, "storeId", store)).execute();
            return i;
        });
        HttpGraphQlTester member = memberOf(store, name);

        member.documentName("myCoupons").execute()
                .path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1)
                .path("me.coupons.edges[0].node.template.name").entity(String.class).isEqualTo("新人礼券");
        long memberId = Long.parseLong(idOf(member));
        assertThat(messages(memberId)).as("welcome messages queued for the member").isEqualTo(1L);
        assertThat(db.sql("select pack_id from member_welcome where member_id = :m").bind("m", memberId)
                .map(row -> row.get("pack_id", Long.class)).one().block()).isEqualTo(Long.parseLong(pack));
    }

    @Test
    void withoutAWelcomePackANewMemberGetsOnlyTheMessage() {
        ProgramRulesForTests.schedule(admin(), context, null, rules -> rules.put("welcomeMessage", WELCOME_TEXT), "欢迎语")
                .path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        HttpGraphQlTester member = member(unique("plain"));

        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(0);
        long memberId = Long.parseLong(idOf(member));
        assertThat(messages(memberId)).isEqualTo(1L);
        assertThat(db.sql("select payload as p from notification_outbox where member_id = :m and kind = 'WELCOME'")
                .bind("m", memberId).map(row -> row.get("p", String.class)).one().block()).contains(WELCOME_TEXT);
    }

    @Test
    void rulesWithoutAWelcomeMessageQueueNoMessage() {
        HttpGraphQlTester member = member(unique("quiet"));

        assertThat(messages(Long.parseLong(idOf(member)))).as("welcome messages without a welcome text").isZero();
    }

    @Test
    void aNewMemberSeesTheirWelcomePackAndMessageOnTheCardUntilTheyHaveSeenIt() {
        welcomePack();
        HttpGraphQlTester member = member(unique("fresh"));
        HttpGraphQlTester other = member(unique("other"));

        member.document(MY_WELCOME).execute()
                .path("myWelcome.packName").entity(String.class).isEqualTo("新人礼包")
                .path("myWelcome.message").entity(String.class).isEqualTo(WELCOME_TEXT)
                .path("myWelcome.welcomedAt").hasValue();
        member.document(MARK_SEEN).execute().path("markWelcomeSeen.changed").entity(Boolean.class).isEqualTo(true);

        member.document(MY_WELCOME).execute().path("myWelcome").valueIsNull();
        member.document(MARK_SEEN).execute().path("markWelcomeSeen.changed").entity(Boolean.class).isEqualTo(false);
        other.document(MY_WELCOME).execute().path("myWelcome.packName").entity(String.class).isEqualTo("新人礼包");
    }

    @Test
    void aWelcomeThatGaveNeitherPackNorMessageIsNotShown() {
        HttpGraphQlTester member = member(unique("nogift"));

        member.document(MY_WELCOME).execute().path("myWelcome").valueIsNull();
        member.document(MARK_SEEN).execute().path("markWelcomeSeen.changed").entity(Boolean.class).isEqualTo(true);
    }

    private long messages(long memberId) {
        return db.sql("select count(*) as n from notification_outbox where member_id = :m and kind = 'WELCOME'")
                .bind("m", memberId).map(row -> row.get("n", Long.class)).one().block();
    }

    /** A pack of one 10-yuan coupon, set as the welcome gift of a version in force from now. */
    private String welcomePack() {
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "新人礼券",
                        "kind", "AMOUNT_OFF", "amountOffCents", 1_000, "validDays", 30, "perMemberLimit", 1,
                        "totalStock", 1_000)).execute()
                .path("createCouponTemplate.template.id").entity(String.class).get();
        String pack = admin().document("""
                        mutation($t: ID!) { createCouponPack(input: { name: "新人礼包", items: [{ templateId: $t, quantity: 1 }] }) {
                          pack { id } userErrors { code } } }""")
                .variable("t", template).execute().path("createCouponPack.pack.id").entity(String.class).get();
        ProgramRulesForTests.schedule(admin(), context, null, rules -> {
                    rules.put("welcomeCouponPackId", pack);
                    rules.put("welcomeMessage", WELCOME_TEXT);
                }, "新人礼包")
                .path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        return pack;
    }
}

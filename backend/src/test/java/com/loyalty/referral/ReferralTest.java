package com.loyalty.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.programme.ProgramRulesForTests;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class ReferralTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    /** A version with a daily cap of 2 invitation rewards, in force from now. */
    @BeforeEach
    @SuppressWarnings("unchecked")
    void aDailyCapOfTwo() {
        ProgramRulesForTests.schedule(admin(), context, null,
                        rules -> ((Map<String, Object>) rules.get("referral")).put("dailyCap", 2), "每日邀请奖励上限 2")
                .path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
    }

    @AfterEach
    void backToTheFirstRules() {
        ProgramRulesForTests.backToTheFirstVersion(context);
    }

    @Test
    void inviteRulesStateTheRewardsAndCapsTheBackendApplies() {
        member(unique("reader")).document("{ inviteRules { registeredPoints firstPurchasePoints welcomePoints dailyCap lifetimeCap } }")
                .execute()
                .path("inviteRules.registeredPoints").entity(Long.class).isEqualTo(50L)
                .path("inviteRules.firstPurchasePoints").entity(Long.class).isEqualTo(100L)
                .path("inviteRules.welcomePoints").entity(Long.class).isEqualTo(20L)
                .path("inviteRules.dailyCap").entity(Integer.class).isEqualTo(2)
                .path("inviteRules.lifetimeCap").entity(Integer.class).isEqualTo(200);
    }

    @Test
    void theInviterIsRewardedWhenTheInviteeRegistersAndOnTheirFirstPurchaseOnly() {
        HttpGraphQlTester inviter = member(unique("host"));
        String name = unique("guest");
        HttpGraphQlTester invitee = joinVia(inviter, name);
        invitee.documentName("updateProfile").variable("input", Map.of("nickname", "小红")).execute();
        bindPhone(invitee);
        bindPhone(invitee); // a new number later is not a new registration
        Till till = new Till(newStaff(createStore("ref"), "CLERK"));
        till.earn(idOf(invitee), "F-1", 1_000);
        till.earn(idOf(invitee), "F-2", 1_000);

        inviter.documentName("myInvitations").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(150L)
                .path("me.inviteStats.purchased").entity(Integer.class).isEqualTo(1)
                .path("me.inviteStats.pointsEarned").entity(Long.class).isEqualTo(150L)
                .path("me.invitations.totalCount").entity(Integer.class).isEqualTo(1)
                .path("me.invitations.edges[0].node.nickname").entity(String.class).isEqualTo("小*")
                .path("me.invitations.edges[0].node.status").entity(String.class).isEqualTo("PURCHASED")
                .path("me.invitations.edges[0].node.rewards[*].kind").entityList(String.class)
                .containsExactly("REGISTERED", "FIRST_PURCHASE");
        // welcome 20 + 10 + 10 earned
        invitee.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(40L);
    }

    @Test
    void joiningWithoutAPhoneEarnsTheInviterNothing() {
        HttpGraphQlTester inviter = member(unique("host"));
        joinVia(inviter, unique("lurker"));

        inviter.documentName("myInvitations").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(0L)
                .path("me.invitations.edges[0].node.status").entity(String.class).isEqualTo("JOINED");
    }

    @Test
    void anInviteBindsOnlyANewMemberOnceAndUnknownCodesAreIgnored() {
        HttpGraphQlTester first = member(unique("first"));
        HttpGraphQlTester second = member(unique("second"));
        String name = unique("late");
        login(name); // registered without an invitation

        anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + name, "inviterCode", inviteCode(first))).execute()
                .path("login.registered").entity(Boolean.class).isEqualTo(false);
        String invited = unique("bound");
        joinVia(first, invited);
        anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + invited, "inviterCode", inviteCode(second))).execute();
        anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + unique("stray"), "inviterCode", "NOSUCH99")).execute()
                .path("login.registered").entity(Boolean.class).isEqualTo(true);

        first.documentName("myInvitations").execute().path("me.invitations.totalCount").entity(Integer.class).isEqualTo(1);
        second.documentName("myInvitations").execute().path("me.invitations.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aSecondAccountWithTheSamePhoneEarnsNothing() {
        HttpGraphQlTester inviter = member(unique("host"));
        HttpGraphQlTester real = joinVia(inviter, unique("real"));
        HttpGraphQlTester fake = joinVia(inviter, unique("fake"));
        real.documentName("bindPhone").variable("code", "phone-13911112222").execute();

        fake.documentName("bindPhone").variable("code", "phone-13911112222").execute()
                .path("bindPhone.userErrors[0].code").entity(String.class).isEqualTo("PHONE_IN_USE");

        inviter.documentName("myInvitations").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(50L);
    }

    @Test
    void rewardsStopAtTheDailyCap() {
        HttpGraphQlTester inviter = member(unique("farm"));
        for (int i = 0; i < 3; i++) {
            bindPhone(joinVia(inviter, unique("crowd")));
        }

        inviter.documentName("myInvitations").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(100L)
                .path("me.invitations.edges[0].node.rewards[0].granted").entity(Boolean.class).isEqualTo(false)
                .path("me.invitations.edges[2].node.rewards[0].granted").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void sharingIsRecordedButNeverRewarded() {
        HttpGraphQlTester member = member(unique("sharer"));
        member.document("mutation { recordShare(input: { page: \"pages/card/index\" }) { recorded } }").execute()
                .path("recordShare.recorded").entity(Boolean.class).isEqualTo(true);

        member.documentName("myPoints").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(0L);
        Long shares = db.sql("select count(*) as n from share_event where member_id = :m")
                .bind("m", Long.parseLong(idOf(member))).map(row -> row.get("n", Long.class)).one().block();
        assertThat(shares).isEqualTo(1);
    }

    @Test
    void staffCannotSeeAMembersInvitations() {
        HttpGraphQlTester member = member(unique("private"));
        String token = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();

        newStaff(createStore("peek"), "CLERK")
                .document("mutation($t: String!) { scanMemberCode(input: { token: $t }) { card { member { "
                        + "nickname invitations { totalCount } } } } }")
                .variable("t", token).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    /**
     * An invitation's mini-program code outlives its member (it stays on posters and in chats): once
     * the account is erased, the welcome page names nobody, and a friend who joins from it joins
     * uninvited, so nobody's erased account is linked to new people or earns from them.
     */
    @Test
    void aFriendWhoJoinsWithAnErasedMembersCodeJoinsUninvited() {
        HttpGraphQlTester gone = member(unique("erased"));
        String code = inviteCode(gone);
        long goneId = Long.parseLong(idOf(gone));
        gone.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.userErrors").entityList(Object.class).hasSize(0);
        clock.advance(java.time.Duration.ofDays(8));
        admin().documentName("runJob").variable("job", "ACCOUNT_ERASURE").execute()
                .path("runJob.summary").entity(String.class)
                // accounts other tests closed earlier in this run may be erased with it
                .satisfies(summary -> assertThat(summary).containsPattern("erased [1-9][0-9]* closed"));

        anonymous().documentName("inviteWelcome").variable("inviterCode", code).execute()
                .path("inviteWelcome").valueIsNull();
        String name = unique("latecomer");
        HttpGraphQlTester latecomer = joinWith(code, name);
        bindPhone(latecomer);

        assertThat(db.sql("select inviter_id from member where id = :id").bind("id", Long.parseLong(idOf(latecomer)))
                .map(row -> java.util.Optional.ofNullable(row.get("inviter_id", Long.class))).one().block()).isEmpty();
        assertThat(db.sql("select count(*) as n from referral_reward where inviter_id = :m or member_id = :m")
                .bind("m", goneId).map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    private HttpGraphQlTester joinWith(String inviterCode, String name) {
        anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + name, "inviterCode", inviterCode)).execute()
                .path("login.registered").entity(Boolean.class).isEqualTo(true);
        return member(name);
    }

    private HttpGraphQlTester joinVia(HttpGraphQlTester inviter, String name) {
        anonymous().documentName("login")
                .variable("input", Map.of("code", "dev-" + name, "inviterCode", inviteCode(inviter))).execute()
                .path("login.registered").entity(Boolean.class).isEqualTo(true);
        return member(name);
    }

    private void bindPhone(HttpGraphQlTester member) {
        member.documentName("bindPhone").variable("code", "phone-1" + (3_000_000_000L + System.nanoTime() % 999_999_999L))
                .execute().path("bindPhone.userErrors").entityList(Object.class).hasSize(0);
    }

    private static String inviteCode(HttpGraphQlTester member) {
        return member.document("{ me { inviteCode } }").execute().path("me.inviteCode").entity(String.class).get();
    }
}

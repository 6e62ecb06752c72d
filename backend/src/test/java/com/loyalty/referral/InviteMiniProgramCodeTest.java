package com.loyalty.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.dev.wechat.FakeMiniProgramCode;
import com.loyalty.dev.wechat.FakeWeChatServer;
import com.loyalty.programme.ProgramRulesForTests;
import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;

/**
 * The invitation as WeChat can open it: a mini-program code with the inviter's scene, kept after
 * the first fetch and served without a sign-in; and the welcome the invited friend sees.
 */
class InviteMiniProgramCodeTest extends IntegrationTest {

    @Autowired
    FakeWeChatServer weChat;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void backToTheFirstRules() {
        ProgramRulesForTests.backToTheFirstVersion(context);
    }

    @Test
    void aMembersInvitationIsAMiniProgramCodeThatOpensTheWelcomePageWithTheirInviteCode() {
        HttpGraphQlTester member = member(unique("host"));
        Map<String, Object> me = myCode(member);
        String inviteCode = (String) me.get("inviteCode");
        @SuppressWarnings("unchecked")
        Map<String, Object> code = (Map<String, Object>) me.get("inviteMiniProgramCode");

        assertThat(code).containsEntry("scene", "i=" + inviteCode).containsEntry("page", "pages/welcome/index");
        byte[] png = image((String) code.get("imagePath"));
        assertThat(FakeMiniProgramCode.read(png)).isEqualTo("pages/welcome/index?scene=i=" + inviteCode);
    }

    @Test
    void theCodeIsAskedOfWeChatOnceAndThenServedFromOurOwnStore() {
        HttpGraphQlTester member = member(unique("again"));
        int before = weChat.codesGenerated();

        String first = imagePath(myCode(member));
        String second = imagePath(myCode(member));

        assertThat(weChat.codesGenerated()).isEqualTo(before + 1);
        assertThat(second).isEqualTo(first).matches("/wxacode/[A-Za-z0-9_-]{43}\\.png");
    }

    @Test
    void whenWeChatRefusesTheMemberIsToldToTryLaterAndTheNextAskGetsTheCode() {
        HttpGraphQlTester member = member(unique("busy"));
        weChat.failNextCodes(45009);

        member.documentName("myInviteCode").execute()
                .errors().expect(e -> "WECHAT_UNAVAILABLE".equals(e.getExtensions().get("code"))
                        && e.getMessage().equals("微信服务暂时不可用，请稍后再试")).verify();
        assertThat(imagePath(myCode(member))).startsWith("/wxacode/");
    }

    @Test
    void aStaleWeChatAccessTokenIsRenewedOnce() {
        HttpGraphQlTester member = member(unique("stale"));
        int tokens = weChat.tokensIssued();
        weChat.revokeAccessTokens();

        assertThat(imagePath(myCode(member))).startsWith("/wxacode/");
        assertThat(weChat.tokensIssued()).isEqualTo(tokens + 1);
    }

    @Test
    void anImageAddressThatWasNeverHandedOutFindsNothing() {
        http().get().uri("/wxacode/" + "A".repeat(43) + ".png").exchange().expectStatus().isNotFound();
        http().get().uri("/wxacode/short.png").exchange().expectStatus().isNotFound();
    }

    @Test
    void staffCannotGetAMembersInvitationCode() {
        HttpGraphQlTester member = member(unique("private"));
        String token = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();

        newStaff(createStore("peek"), "CLERK")
                .document("mutation($t: String!) { scanMemberCode(input: { token: $t }) { card { member { "
                        + "inviteMiniProgramCode { imagePath } } } } }")
                .variable("t", token).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void theInvitedFriendSeesWhoInvitedThemMaskedAndTheirWelcomePointsBeforeSigningIn() {
        HttpGraphQlTester inviter = member(unique("host"));
        inviter.documentName("updateProfile").variable("input", Map.of("nickname", "王小明")).execute();
        String inviteCode = (String) myCode(inviter).get("inviteCode");

        anonymous().documentName("inviteWelcome").variable("inviterCode", inviteCode.toLowerCase()).execute()
                .path("inviteWelcome.inviterNickname").entity(String.class).isEqualTo("王**")
                .path("inviteWelcome.welcomePoints").entity(Long.class).isEqualTo(20L)
                .path("inviteWelcome.welcomeGift").valueIsNull();
    }

    @Test
    void theWelcomeNamesTheNewMembersGiftPackWhenTheRulesGiveOne() {
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "新人礼券",
                        "kind", "AMOUNT_OFF", "amountOffCents", 1_000, "validDays", 30, "perMemberLimit", 1,
                        "totalStock", 1_000)).execute()
                .path("createCouponTemplate.template.id").entity(String.class).get();
        String pack = admin().document("mutation($t: ID!) { createCouponPack(input: { name: \"新人礼包\", "
                        + "items: [{ templateId: $t, quantity: 1 }] }) { pack { id } userErrors { code } } }")
                .variable("t", template).execute().path("createCouponPack.pack.id").entity(String.class).get();
        ProgramRulesForTests.schedule(admin(), context, null, rules -> rules.put("welcomeCouponPackId", pack), "新人礼包")
                .path("scheduleProgramRules.userErrors").entityList(Object.class).hasSize(0);
        String inviteCode = (String) myCode(member(unique("host"))).get("inviteCode");

        anonymous().documentName("inviteWelcome").variable("inviterCode", inviteCode).execute()
                .path("inviteWelcome.welcomeGift").entity(String.class).isEqualTo("新人礼包");
    }

    @Test
    void anUnknownOrMalformedInviteCodeWelcomesNobody() {
        anonymous().documentName("inviteWelcome").variable("inviterCode", "ZZZZ9999").execute()
                .path("inviteWelcome").valueIsNull();
        anonymous().documentName("inviteWelcome").variable("inviterCode", "<script>").execute()
                .path("inviteWelcome").valueIsNull();
    }

    private static Map<String, Object> myCode(HttpGraphQlTester member) {
        @SuppressWarnings("unchecked")
        Map<String, Object> me = member.documentName("myInviteCode").execute().path("me").entity(Map.class).get();
        return me;
    }

    @SuppressWarnings("unchecked")
    private static String imagePath(Map<String, Object> me) {
        return (String) ((Map<String, Object>) me.get("inviteMiniProgramCode")).get("imagePath");
    }

    /** The PNG at the path, loaded as the mini-program's image does: no Authorization header. */
    private byte[] image(String path) {
        return http().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }
}

package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyalty.dev.sms.FakeSmsServer;
import com.loyalty.dev.wechat.FakeOfficialAccountServer;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Service notices by the official account (公众号) for its followers, matched by unionid, and the
 * fallback order: template message, then subscribe message, then SMS.
 */
class OfficialAccountMessagesTest extends NotifyTestSupport {

    static final String TOKEN = "test-only-oa-token";
    static final Map<String, Object> EXPIRING = Map.of("points", 120, "expiresOn", "2026-12-31");

    @Autowired
    FakeOfficialAccountServer officialAccount;

    @Autowired
    FakeSmsServer sms;

    @Test
    void aFollowerGetsTheServiceNoticeAsATemplateMessageOpeningTheMiniProgram() {
        Signed member = signUp("follower");
        consent(member, POINTS_TEMPLATE);
        String oaOpenid = FakeOfficialAccountServer.openidOf(member.name());
        event(FakeOfficialAccountServer.followEvent(oaOpenid, true, clock.instant().getEpochSecond()))
                .expectStatus().isOk().expectBody(String.class).isEqualTo("success");
        queueDaily(member, "POINTS_EXPIRING", EXPIRING, MORNING);

        send();

        assertThat(officialAccount.sentTo(oaOpenid)).singleElement().satisfies(message -> {
            assertThat(message.templateId()).isEqualTo("test-oa-points-expiring");
            assertThat(message.body()).contains("\"keyword1\"").contains("120").contains("2026-12-31")
                    .contains("pages/points/index").contains("wx-test-app");
        });
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("channel", "OFFICIAL_ACCOUNT")
                .containsEntry("template", "test-oa-points-expiring");
        assertThat(weChat.sentTo(member.openid())).isEmpty();
        assertThat(consentsLeft(member, POINTS_TEMPLATE)).as("the subscribe consent is kept for later").isEqualTo(1);
    }

    @Test
    void aMemberWhoUnfollowedGetsTheSubscribeMessageInstead() {
        Signed member = signUp("unfollowed");
        consent(member, POINTS_TEMPLATE);
        String oaOpenid = FakeOfficialAccountServer.openidOf(member.name());
        long now = clock.instant().getEpochSecond();
        event(FakeOfficialAccountServer.followEvent(oaOpenid, true, now)).expectStatus().isOk();
        event(FakeOfficialAccountServer.followEvent(oaOpenid, false, now + 60)).expectStatus().isOk();
        queueDaily(member, "POINTS_EXPIRING", EXPIRING, MORNING);

        send();

        assertThat(officialAccount.sentTo(oaOpenid)).isEmpty();
        assertThat(weChat.sentTo(member.openid())).singleElement()
                .satisfies(m -> assertThat(m.templateId()).isEqualTo(POINTS_TEMPLATE));
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("channel", "WECHAT_SUBSCRIBE");
    }

    @Test
    void aFollowerWeChatSaysHasLeftFallsBackAndIsNotTriedAgain() {
        Signed member = signUp("left");
        consent(member, POINTS_TEMPLATE);
        consent(member, POINTS_TEMPLATE);
        String oaOpenid = FakeOfficialAccountServer.openidOf(member.name());
        event(FakeOfficialAccountServer.followEvent(oaOpenid, true, clock.instant().getEpochSecond())).expectStatus().isOk();
        officialAccount.unfollow(oaOpenid);
        queueDaily(member, "POINTS_EXPIRING", EXPIRING, MORNING);

        send();
        officialAccount.failNext(oaOpenid, 0);
        clock.advance(Duration.ofDays(1));
        queueDaily(member, "POINTS_EXPIRING", EXPIRING, clock.instant());
        send();

        assertThat(weChat.sentTo(member.openid())).hasSize(2);
        assertThat(notifications(member)).allSatisfy(n -> assertThat(n).containsEntry("channel", "WECHAT_SUBSCRIBE")
                .containsEntry("status", "SENT"));
    }

    @Test
    void withNeitherAFollowNorAConsentTheNoticeGoesBySms() {
        Signed member = signUp("sms-fallback");
        String phone = bindFreshPhone(member.api());
        queueDaily(member, "POINTS_EXPIRING", EXPIRING, MORNING);

        send();

        assertThat(sms.sentTo(phone)).singleElement().satisfies(text -> {
            assertThat(text.template()).isEqualTo("SMS_TEST_POINTS_EXPIRING");
            assertThat(text.params()).containsEntry("points", "120").containsEntry("expiresOn", "2026-12-31");
        });
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("channel", "SMS")
                .containsEntry("template", "SMS_TEST_POINTS_EXPIRING");
    }

    @Test
    void withNoChannelLeftTheNoticeIsSkippedWithTheReason() {
        Signed member = signUp("unreachable");
        queueDaily(member, "POINTS_EXPIRING", EXPIRING, MORNING);

        send();

        assertThat(onlyNotification(member)).containsEntry("status", "SKIPPED")
                .containsEntry("lastError", "no subscribe consent left for template test-tmpl-points-expiring; "
                        + "member has no phone number for the SMS fallback");
    }

    @Test
    void anEventWithoutWeChatsSignatureIsRefusedAndTheServerUrlCheckIsAnswered() {
        String xml = FakeOfficialAccountServer.followEvent("oa-fake-intruder", true, 1);
        http().post().uri("/wechat/official-account?timestamp=1&nonce=2&signature=forged")
                .contentType(MediaType.TEXT_XML).bodyValue(xml).exchange().expectStatus().isForbidden();
        String signature = FakeOfficialAccountServer.signature(TOKEN, "1700000000", "n0nce");
        http().get().uri("/wechat/official-account?timestamp=1700000000&nonce=n0nce&signature=" + signature
                        + "&echostr=hello-wechat")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("hello-wechat");
    }

    @Test
    void aMarketingPurposeCannotBeConfiguredAsATemplateMessage() {
        NotifyProperties.Template birthday = new NotifyProperties.Template(null, Channel.SMS, null, null,
                new NotifyProperties.OfficialAccount("oa-birthday", null), null);

        assertThatThrownBy(() -> new NotifyProperties(Map.of("birthday", birthday),
                new NotifyProperties.QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)), 5, Duration.ofMinutes(1),
                100, Duration.ofMinutes(10), "log", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("marketing message, which WeChat does not allow as a template message");
    }

    private WebTestClient.ResponseSpec event(String xml) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = unique("nonce");
        return http().post().uri("/wechat/official-account?timestamp=" + timestamp + "&nonce=" + nonce + "&signature="
                        + FakeOfficialAccountServer.signature(TOKEN, timestamp, nonce))
                .contentType(MediaType.TEXT_XML).bodyValue(xml).exchange();
    }
}

package com.loyalty.notify;

import com.loyalty.dev.sms.FakeSmsServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Marketing (wake-ups, birthdays, repurchase, campaigns) never goes as a WeChat one-time subscribe
 * message, and goes by SMS only to members who consent to marketing when it is sent; service
 * notices go as subscribe messages whatever the member's marketing choice.
 */
class MarketingMessagesTest extends NotifyTestSupport {

    @Autowired
    FakeSmsServer sms;

    @Autowired
    OutboxRepository queued;

    @Autowired
    ConsentRepository subscribeConsents;

    @Test
    void aMarketingMessageQueuedAsASubscribeMessageBeforeTheRuleIsSkippedAndTheConsentKept() {
        Signed member = signUp("legacy");
        // as an earlier version queued a birthday greeting, with a consent the member gave then
        subscribeConsents.grant(member.id(), List.of("test-tmpl-birthday"), MORNING).block();
        queued.insert(member.id(), "BIRTHDAY", unique("legacy-birthday"), "{\"name\":\"小爱\"}", MORNING,
                Channel.WECHAT_SUBSCRIBE, "test-tmpl-birthday").block();

        send();

        assertThat(weChat.sentTo(member.openid())).isEmpty();
        assertThat(onlyNotification(member)).containsEntry("status", "SKIPPED").containsEntry("channel", "WECHAT_SUBSCRIBE")
                .containsEntry("lastError", "marketing message: never sent as a WeChat subscribe message");
        assertThat(subscribeConsents.remaining(member.id()).block()).containsEntry("test-tmpl-birthday", 1);
    }

    @Test
    void aMarketingSmsIsNotSentToAMemberWhoWithdrewMarketingConsentAfterItWasQueued() {
        Signed member = signUp("withdrew");
        String phone = bindFreshPhone(member.api());
        queueDaily(member, "DORMANT_30", Map.of("message", "好久不见，送您一张券"), MORNING);
        member.api().documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false);

        send();

        assertThat(sms.sentTo(phone)).isEmpty();
        assertThat(onlyNotification(member)).containsEntry("status", "SKIPPED").containsEntry("channel", "SMS")
                .containsEntry("lastError", "member has not consented to marketing");
    }

    @Test
    void aWakeUpGoesBySmsToAMemberWhoConsentsToMarketing() {
        Signed member = signUp("keen");
        String phone = bindFreshPhone(member.api());
        queueDaily(member, "DORMANT_30", Map.of("message", "好久不见，送您一张券"), MORNING);

        send();

        assertThat(sms.sentTo(phone)).singleElement().satisfies(text -> {
            assertThat(text.template()).isEqualTo("SMS_TEST_DORMANT_30");
            assertThat(text.params()).containsEntry("message", "好久不见，送您一张券");
        });
        assertThat(weChat.sentTo(member.openid())).isEmpty();
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("channel", "SMS");
    }

    @Test
    void aServiceNoticeStillGoesAsASubscribeMessageToAMemberWithoutMarketingConsent() {
        Signed member = signUp("service");
        member.api().documentName("updateConsents").variable("input", Map.of("marketing", false)).execute()
                .path("updateConsents.consents.marketing").entity(Boolean.class).isEqualTo(false);
        consent(member, POINTS_TEMPLATE);
        queueDaily(member, "POINTS_EXPIRING", Map.of("points", 80, "expiresOn", "2026-12-31"), MORNING);

        send();

        assertThat(weChat.sentTo(member.openid())).singleElement()
                .satisfies(sent -> assertThat(sent.templateId()).isEqualTo(POINTS_TEMPLATE));
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("channel", "WECHAT_SUBSCRIBE");
    }
}

package com.loyalty.notify;

import com.loyalty.dev.sms.FakeSmsServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SmsNotificationTest extends NotifyTestSupport {

    @Autowired
    FakeSmsServer sms;

    @Test
    void anSmsPurposeGoesToTheMembersPhoneNumber() {
        Signed member = signUp("sms");
        String phone = bindFreshPhone(member.api());
        queueDaily(member, "DORMANT_60", Map.of("nickname", "小爱", "days", 60), MORNING);

        send();

        assertThat(sms.sentTo(phone)).singleElement().satisfies(text -> {
            assertThat(text.template()).isEqualTo("SMS_TEST_DORMANT_60");
            assertThat(text.params()).containsEntry("nickname", "小爱").containsEntry("days", "60");
        });
        assertThat(weChat.sentTo(member.openid())).isEmpty();
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("channel", "SMS");
    }

    @Test
    void aMemberWithoutAPhoneNumberIsSkippedWithTheReason() {
        Signed member = signUp("no-phone");
        queueDaily(member, "DORMANT_60", Map.of("days", 60), MORNING);

        send();

        Map<String, Object> seen = onlyNotification(member);
        assertThat(seen).containsEntry("status", "SKIPPED").containsEntry("lastError", "member has no phone number");
    }

    @Test
    void aPurposeWithoutATemplateIsSkippedWithTheReason() {
        Signed member = signUp("no-template");
        consent(member, POINTS_TEMPLATE);
        queueDaily(member, "SOMETHING_NEW", Map.of("x", 1), MORNING);

        send();

        assertThat(onlyNotification(member)).containsEntry("status", "SKIPPED").containsEntry("template", null)
                .containsEntry("lastError", "no template configured for SOMETHING_NEW");
        assertThat(consentsLeft(member, POINTS_TEMPLATE)).isEqualTo(1);
    }
}

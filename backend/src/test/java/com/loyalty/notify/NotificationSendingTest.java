package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationSendingTest extends NotifyTestSupport {

    @Autowired
    SendNotificationsJob job;

    @Test
    void aMessageGoesOutOnceHoweverOftenAndWhereverTheSenderRuns() {
        Signed member = signUp("once");
        consent(member, POINTS_TEMPLATE);
        consent(member, POINTS_TEMPLATE);
        queueDaily(member, "POINTS_EXPIRING", Map.of("points", 120, "expiresOn", "2026-12-31"), MORNING);

        // four instances at once (no job lock between them), then the job twice more
        inParallel(4, i -> job.run(today()).block());
        send();
        send();

        assertThat(weChat.sentTo(member.openid())).singleElement().satisfies(sent -> {
            assertThat(sent.templateId()).isEqualTo(POINTS_TEMPLATE);
            assertThat(sent.body()).contains("\"points\":{\"value\":\"120\"}").contains("2026-12-31");
        });
        Map<String, Object> seen = onlyNotification(member);
        assertThat(seen).containsEntry("status", "SENT").containsEntry("attempts", 1)
                .containsEntry("channel", "WECHAT_SUBSCRIBE").containsEntry("purpose", "POINTS_EXPIRING");
        assertThat(seen.get("sentAt")).isNotNull();
        assertThat(consentsLeft(member, POINTS_TEMPLATE)).isEqualTo(1);
    }

    @Test
    void aManagerOfAnotherStoreCannotReadAMembersMessages() {
        Signed member = signUp("private");

        newStaff(createStore("other"), "STORE_MANAGER").documentName("notifications").variable("memberId", member.id())
                .variable("first", 10).execute()
                .errors().expect(e -> "会员不存在".equals(e.getMessage())).verify()
                .path("notifications").pathDoesNotExist();
        assertThat(notifications(member)).isEmpty();
    }

    @Test
    void oneMessagePerMemberPurposeAndBusinessDay() {
        Signed member = signUp("daily");

        assertThat(queueDaily(member, "REPURCHASE", Map.of("n", 1), MORNING)).isTrue();
        assertThat(queueDaily(member, "REPURCHASE", Map.of("n", 2), Instant.parse("2026-12-01T23:30:00+08:00")))
                .isFalse();
        assertThat(queueDaily(member, "BIRTHDAY", Map.of("n", 3), MORNING)).isTrue();
        // 00:30 on the 2nd in Shanghai is still the 1st in UTC: a new business day all the same
        assertThat(queueDaily(member, "REPURCHASE", Map.of("n", 4), Instant.parse("2026-12-02T00:30:00+08:00")))
                .isTrue();

        assertThat(notifications(member)).extracting(n -> n.get("purpose") + " " + n.get("data"))
                .containsExactly("REPURCHASE {\"n\":4}", "BIRTHDAY {\"n\":3}", "REPURCHASE {\"n\":1}");
    }

    @Test
    void quietHoursHoldMessagesUntilNineInTheMorning() {
        Signed member = signUp("quiet");
        consent(member, COUPON_TEMPLATE);
        Instant evening = Instant.parse("2026-12-01T22:00:00+08:00");
        clock.setTo(evening);
        queueDaily(member, "COUPON_EXPIRING", Map.of("name", "满200减50"), evening);

        assertThat(send()).contains("sent 0").containsPattern("held [1-9]\\d* for quiet hours");
        clock.setTo(Instant.parse("2026-12-02T08:59:00+08:00"));
        send();

        assertThat(weChat.sentTo(member.openid())).isEmpty();
        assertThat(onlyNotification(member)).containsEntry("status", "PENDING").containsEntry("attempts", 0)
                .containsEntry("nextAttemptAt", "2026-12-02T09:00:00+08:00");

        clock.setTo(Instant.parse("2026-12-02T09:00:05+08:00"));
        send();

        assertThat(weChat.sentTo(member.openid())).hasSize(1);
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("attempts", 1);
    }

    @Test
    void remindersQueuedByOtherFeaturesGoOutWithTheirPurposesTemplate() {
        Signed member = signUp("legacy");
        consent(member, COUPON_TEMPLATE);
        outbox.enqueue(member.id(), "COUPON_EXPIRING", unique("coupon-expiring"),
                Map.of("couponId", 7, "name", "满200减50", "validUntil", "2026-12-03"), MORNING.minus(Duration.ofHours(1)))
                .block();

        send();

        assertThat(weChat.sentTo(member.openid())).singleElement()
                .satisfies(sent -> assertThat(sent.templateId()).isEqualTo(COUPON_TEMPLATE));
    }

    @Test
    void theSenderSaysWhatItDid() {
        assertThat(send()).matches("sent \\d+, skipped \\d+, retrying \\d+, failed \\d+, held \\d+ for quiet hours");
    }
}

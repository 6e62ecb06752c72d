package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.dev.sms.FakeSmsServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * SMS through Alibaba Cloud SMS's SDK against the fake provider: templates, signature and
 * parameters, refusals the outbox retries or gives up on, delivery receipts, the daily limit and
 * the 回复TD退订 unsubscribe.
 */
class SmsProviderTest extends NotifyTestSupport {

    static final String TOKEN = "test-only-sms-callback-token";

    @Autowired
    FakeSmsServer sms;

    @Autowired
    SmsQuotaRepository quota;

    @Test
    void anSmsGoesToTheProviderWithItsTemplateSignatureAndNamedParameters() {
        Signed member = signUp("aliyun");
        String phone = bindFreshPhone(member.api());
        queueDaily(member, "DORMANT_30", Map.of("message", "好久不见，送您一张券"), MORNING);

        assertThat(send()).startsWith("sent 1,");

        FakeSmsServer.Sent text = sms.sentTo(phone).get(0);
        Map<String, Object> seen = onlyNotification(member);
        assertThat(text.signName()).isEqualTo("好茶会员");
        assertThat(text.template()).isEqualTo("SMS_TEST_DORMANT_30");
        assertThat(text.params()).isEqualTo(Map.of("message", "好久不见，送您一张券"));
        assertThat(text.outId()).isEqualTo(seen.get("id"));
        assertThat(seen).containsEntry("status", "SENT").containsEntry("providerMessageId", text.bizId())
                .containsEntry("delivery", null);
    }

    @Test
    void aRefusalTheProviderMayGetPastIsTriedAgainAfterTheBackoff() {
        Signed member = signUp("throttled");
        String phone = bindFreshPhone(member.api());
        sms.failNext(phone, "isv.BUSINESS_LIMIT_CONTROL", "HTTP500");
        queueDaily(member, "DORMANT_30", Map.of("message", "hi"), MORNING);

        send();
        assertThat(onlyNotification(member)).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .satisfies(n -> assertThat((String) n.get("lastError")).contains("isv.BUSINESS_LIMIT_CONTROL"));
        clock.advance(Duration.ofMinutes(1));
        send();
        assertThat(onlyNotification(member)).containsEntry("status", "PENDING").containsEntry("attempts", 2)
                .satisfies(n -> assertThat((String) n.get("lastError")).contains("InternalError"));
        clock.advance(Duration.ofMinutes(2));
        send();

        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("attempts", 3);
        assertThat(sms.sentTo(phone)).hasSize(1);
    }

    @Test
    void aRefusalRetryingCannotFixFailsTheMessageAtOnce() {
        Signed member = signUp("bad-template");
        String phone = bindFreshPhone(member.api());
        sms.failNext(phone, "isv.SMS_TEMPLATE_ILLEGAL");
        queueDaily(member, "DORMANT_30", Map.of("message", "hi"), MORNING);

        send();
        clock.advance(Duration.ofHours(1));
        send();

        assertThat(onlyNotification(member)).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                .satisfies(n -> assertThat((String) n.get("lastError")).contains("isv.SMS_TEMPLATE_ILLEGAL"));
        assertThat(sms.sentTo(phone)).isEmpty();
    }

    @Test
    void theProvidersDeliveryReceiptIsShownOnTheMessage() {
        Signed member = signUp("receipt");
        String phone = bindFreshPhone(member.api());
        queueDaily(member, "DORMANT_60", Map.of("message", "hi"), MORNING);
        send();

        post("/sms/aliyun/" + TOKEN + "/report", sms.deliveryReport(phone, true, "DELIVERED", "用户接收成功"))
                .expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(0);

        @SuppressWarnings("unchecked")
        Map<String, Object> delivery = (Map<String, Object>) onlyNotification(member).get("delivery");
        assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("note", "DELIVERED 用户接收成功");
        assertThat(delivery.get("reportedAt")).isNotNull();
    }

    @Test
    void anUndeliveredReceiptSaysWhyAndAReceiptWithAWrongTokenIsIgnored() {
        Signed member = signUp("undelivered");
        String phone = bindFreshPhone(member.api());
        queueDaily(member, "DORMANT_60", Map.of("message", "hi"), MORNING);
        send();

        post("/sms/aliyun/not-the-token/report", sms.deliveryReport(phone, true, "DELIVERED", "用户接收成功"))
                .expectStatus().isNotFound();
        assertThat(onlyNotification(member)).containsEntry("delivery", null);
        post("/sms/aliyun/" + TOKEN + "/report", "not json").expectStatus().isBadRequest();

        post("/sms/aliyun/" + TOKEN + "/report", sms.deliveryReport(phone, false, "MK:0001", "空号"))
                .expectStatus().isOk();
        assertThat(onlyNotification(member).get("delivery")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "NOT_DELIVERED").containsEntry("note", "MK:0001 空号");
    }

    @Test
    void overTheDailyLimitAnSmsIsSkippedWithTheReasonAndNeverSentOnALaterRun() {
        Signed member = signUp("limit");
        String phone = bindFreshPhone(member.api());
        for (String purpose : List.of("DORMANT_30", "DORMANT_60", "BIRTHDAY", "REPURCHASE")) {
            queueDaily(member, purpose, Map.of("message", purpose), MORNING);
        }

        send();
        clock.advance(Duration.ofMinutes(30));
        send();

        assertThat(sms.sentTo(phone)).hasSize(3);
        List<Map<String, Object>> messages = notifications(member);
        assertThat(messages).filteredOn(n -> "SENT".equals(n.get("status"))).hasSize(3);
        assertThat(messages).filteredOn(n -> "SKIPPED".equals(n.get("status"))).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("lastError", "daily SMS limit reached (3 per member per day)"));

        clock.advance(Duration.ofDays(1));
        queueDaily(member, "DORMANT_30", Map.of("message", "next day"), clock.instant());
        send();
        assertThat(sms.sentTo(phone)).hasSize(4);
    }

    @Test
    void aRefusedSmsDoesNotCountTowardsTheDailyLimit() {
        Signed member = signUp("limit-refused");
        String phone = bindFreshPhone(member.api());
        sms.failNext(phone, "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL");
        for (String purpose : List.of("DORMANT_30", "DORMANT_60", "BIRTHDAY", "REPURCHASE", "CAMPAIGN_SMS")) {
            queueDaily(member, purpose, Map.of("message", purpose), MORNING);
        }

        send();

        assertThat(sms.sentTo(phone)).hasSize(3);
        assertThat(notifications(member)).extracting(n -> n.get("status"))
                .containsExactlyInAnyOrder("FAILED", "FAILED", "SENT", "SENT", "SENT");
    }

    @Test
    void parallelSendersNeverGiveAMemberMoreThanTheDailyLimit() {
        Signed member = signUp("limit-parallel");
        LocalDate day = today();

        List<Boolean> taken = inParallel(12, i -> quota.take(member.id(), day, 3).block());

        assertThat(taken).filteredOn(Boolean::booleanValue).hasSize(3);
        Integer sent = db.sql("select sent from sms_daily_count where member_id = :m and day = :d")
                .bind("m", member.id()).bind("d", day).map(row -> row.get("sent", Integer.class)).one().block();
        assertThat(sent).isEqualTo(3);
    }

    @Test
    void replyingTdWithdrawsMarketingConsentAndNoMarketingSmsGoesAfter() {
        Signed member = signUp("td");
        String phone = bindFreshPhone(member.api());
        assertThat(marketingConsent(member)).isTrue();

        post("/sms/aliyun/" + TOKEN + "/up", FakeSmsServer.reply(phone, " td ", "好茶会员"))
                .expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(0);

        assertThat(marketingConsent(member)).isFalse();
        queueDaily(member, "BIRTHDAY", Map.of("message", "生日快乐"), MORNING);
        send();
        assertThat(sms.sentTo(phone)).isEmpty();
        assertThat(onlyNotification(member)).containsEntry("status", "SKIPPED")
                .containsEntry("lastError", "member has not consented to marketing");
    }

    @Test
    void aReplyThatIsNotAnUnsubscribeWordChangesNothing() {
        Signed member = signUp("chatty");
        String phone = bindFreshPhone(member.api());

        post("/sms/aliyun/" + TOKEN + "/up", FakeSmsServer.reply(phone, "谢谢，TD是什么", "好茶会员"))
                .expectStatus().isOk();
        post("/sms/aliyun/wrong-token/up", FakeSmsServer.reply(phone, "TD", "好茶会员")).expectStatus().isNotFound();

        assertThat(marketingConsent(member)).isTrue();
    }

    @Test
    void unsubscribeWordsAreRecognisedWhateverTheirCaseAndPunctuation() {
        assertThat(List.of("TD", "td", " T ", "退订", "TD。", "n", "R", "TD退订"))
                .allMatch(SmsCallbacks::unsubscribes);
        assertThat(List.of("", "好的", "TDD", "谢谢")).noneMatch(SmsCallbacks::unsubscribes);
    }

    private boolean marketingConsent(Signed member) {
        return Boolean.TRUE.equals(member.api().document("{ myConsents { marketing } }").execute()
                .path("myConsents.marketing").entity(Boolean.class).get());
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String path, String body) {
        return http().post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}

package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeChatFailuresTest extends NotifyTestSupport {

    @Test
    void eachMessageUsesOneConsentAndWithoutOneItIsSkipped() {
        Signed member = signUp("consents");
        consent(member, POINTS_TEMPLATE);
        consent(member, POINTS_TEMPLATE);
        for (int daysAgo = 3; daysAgo >= 1; daysAgo--) {
            queueDaily(member, "POINTS_EXPIRING", Map.of("daysAgo", daysAgo), MORNING.minus(Duration.ofDays(daysAgo)));
        }

        send();

        assertThat(weChat.sentTo(member.openid())).hasSize(2);
        List<Map<String, Object>> seen = notifications(member);
        assertThat(seen).extracting(n -> n.get("status")).containsExactly("SKIPPED", "SENT", "SENT");
        assertThat((String) seen.get(0).get("lastError")).contains("no subscribe consent left");
        assertThat(consentsLeft(member, POINTS_TEMPLATE)).isZero();
    }

    @Test
    void aMemberWhoTurnedMessagesOffLosesTheConsentsAndTheMessageIsNotRetried() {
        Signed member = signUp("refused");
        consent(member, POINTS_TEMPLATE);
        consent(member, POINTS_TEMPLATE);
        weChat.failNext(member.openid(), 43101);
        queueDaily(member, "POINTS_EXPIRING", Map.of("points", 5), MORNING);

        send();
        clock.advance(Duration.ofHours(1));
        send();

        assertThat(weChat.sentTo(member.openid())).isEmpty();
        Map<String, Object> seen = onlyNotification(member);
        assertThat(seen).containsEntry("status", "SKIPPED").containsEntry("attempts", 1);
        assertThat((String) seen.get("lastError")).contains("43101").contains("consents cleared");
        assertThat(consentsLeft(member, POINTS_TEMPLATE)).isZero();
    }

    @Test
    void anAccessTokenWeChatNoLongerAcceptsIsReplacedAndTheMessageStillGoesOut() {
        Signed member = signUp("token");
        consent(member, POINTS_TEMPLATE);
        weChat.revokeAccessTokens();
        int tokensBefore = weChat.tokensIssued();
        queueDaily(member, "POINTS_EXPIRING", Map.of("points", 5), MORNING);

        send();

        assertThat(weChat.tokensIssued()).isGreaterThan(tokensBefore);
        assertThat(weChat.sentTo(member.openid())).hasSize(1);
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("attempts", 1);
    }

    @Test
    void aMessageRefusedForItsTokenEvenAfterARefreshWaitsAndIsSentLater() {
        Signed member = signUp("token-twice");
        consent(member, POINTS_TEMPLATE);
        // the SDK fetches a new token after the first 40001 and tries once more: refused again
        weChat.failNext(member.openid(), 40001, 40001);
        queueDaily(member, "POINTS_EXPIRING", Map.of("points", 5), MORNING);

        send();

        Map<String, Object> waiting = onlyNotification(member);
        assertThat(waiting).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) waiting.get("lastError")).contains("40001");
        assertThat(consentsLeft(member, POINTS_TEMPLATE)).as("the consent was not used up").isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        send();

        assertThat(weChat.sentTo(member.openid())).hasSize(1);
        assertThat(onlyNotification(member)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(consentsLeft(member, POINTS_TEMPLATE)).isZero();
    }

    @Test
    void aBusyWeChatIsTriedAgainAfterOneTwoFourAndEightMinutesThenTheMessageFails() {
        Signed member = signUp("busy");
        consent(member, POINTS_TEMPLATE);
        // 45009: over the API quota; the SDK itself already retries -1 (system busy) a few times
        weChat.failNext(member.openid(), 45009, 45009, 45009, 45009, 45009);
        queueDaily(member, "POINTS_EXPIRING", Map.of("points", 5), MORNING);

        send();
        send(); // too early for the next attempt
        assertThat(onlyNotification(member)).containsEntry("attempts", 1);

        for (int minutes : new int[] {1, 2, 4, 8}) {
            Instant next = Instant.parse((String) onlyNotification(member).get("nextAttemptAt"));
            assertThat(Duration.between(clock.instant(), next))
                    .isBetween(Duration.ofMinutes(minutes).minusSeconds(10), Duration.ofMinutes(minutes));
            clock.advance(Duration.ofMinutes(minutes));
            send();
        }

        Map<String, Object> seen = onlyNotification(member);
        assertThat(seen).containsEntry("status", "FAILED").containsEntry("attempts", 5)
                .containsEntry("nextAttemptAt", null);
        assertThat((String) seen.get("lastError")).contains("gave up after 5 attempts").contains("45009");
        assertThat(weChat.sentTo(member.openid())).isEmpty();
        assertThat(consentsLeft(member, POINTS_TEMPLATE)).as("failed sends use no consent").isEqualTo(1);
    }
}

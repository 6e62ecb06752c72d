package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The brand's sent messages for marketers and admins, a store's for its manager; recipients masked. */
class SentNotificationsTest extends NotifyTestSupport {

    private static final String SENT = "query($f: SentNotificationFilter) { sentNotifications(filter: $f, first: 100) { "
            + "totalCount edges { node { id memberId purpose channel status recipient data lastError } } } }";

    @Test
    void staffListSentMessagesWithFiltersAndMaskedRecipients() {
        Signed member = signUp("sent");
        String phone = bindFreshPhone(member.api());
        queueDaily(member, "DORMANT_60", Map.of("nickname", "小爱", "phone", phone), MORNING);
        queueDaily(member, "POINTS_EXPIRING", Map.of("points", 100), MORNING);
        queueDaily(member, "COUPON_EXPIRING", Map.of("coupon", "满200减50"), MORNING);
        send();

        HttpGraphQlTester marketer = newMarketer();
        marketer.document(SENT).variable("f", Map.of("memberId", member.id())).execute()
                .path("sentNotifications.totalCount").entity(Integer.class).isEqualTo(3);
        Map<?, ?> sms = marketer.document(SENT).variable("f", Map.of("memberId", member.id(), "channel", "SMS",
                        "purpose", "DORMANT_60"))
                .execute().path("sentNotifications.edges[0].node").entity(Map.class).get();
        assertThat(sms.get("purpose")).isEqualTo("DORMANT_60");
        assertThat(sms.get("status")).isEqualTo("SENT");
        assertThat(sms.get("recipient")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(String.valueOf(sms.get("data"))).doesNotContain(phone);
        // a service notice without a subscribe consent falls back to SMS where its purpose has an SMS template
        marketer.document(SENT).variable("f", Map.of("memberId", member.id(), "purpose", "POINTS_EXPIRING",
                        "channel", "SMS", "status", "SENT")).execute()
                .path("sentNotifications.totalCount").entity(Integer.class).isEqualTo(1);
        // and is skipped where it has none, its recipient (the openid) masked
        marketer.document(SENT).variable("f", Map.of("memberId", member.id(), "purpose", "COUPON_EXPIRING",
                        "status", "SKIPPED")).execute()
                .path("sentNotifications.edges[*].node.recipient").entityList(String.class)
                .satisfies(r -> assertThat(r).singleElement().satisfies(openid -> assertThat(openid).contains("****")
                        .isNotEqualTo(member.openid())));
        marketer.document(SENT).variable("f", Map.of("memberId", member.id(), "from", "2030-01-01T00:00:00+08:00"))
                .execute().path("sentNotifications.totalCount").entity(Integer.class).isEqualTo(0);

        String id = marketer.document(SENT).variable("f", Map.of("memberId", member.id(), "purpose", "DORMANT_60"))
                .execute()
                .path("sentNotifications.edges[0].node.id").entity(String.class).get();
        admin().document("query($id: ID!) { notification(id: $id) { purpose recipient } }").variable("id", id).execute()
                .path("notification.purpose").entity(String.class).isEqualTo("DORMANT_60");
        storeManager().document("query($id: ID!) { notification(id: $id) { purpose } }").variable("id", id).execute()
                .path("notification.purpose").entity(String.class).isEqualTo("DORMANT_60");
        marketer.document(SENT).variable("f", Map.of("purpose", "x".repeat(65))).execute().errors()
                .expect(e -> "INVALID_INPUT".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void aStoreManagerSeesOnlyTheirStoresMembersMessages() {
        Signed ours = signUp("ours");
        queueDaily(ours, "POINTS_EXPIRING", Map.of("points", 1), MORNING);
        String otherStore = createStore(unique("elsewhere"));
        HttpGraphQlTester theirs = memberOf(otherStore, unique("theirs"));
        long theirId = Long.parseLong(idOf(theirs));
        outbox.enqueueDaily(theirId, "POINTS_EXPIRING", Map.of("points", 2), MORNING).block();

        storeManager().document(SENT).execute()
                .path("sentNotifications.edges[*].node.memberId").entityList(String.class)
                .contains(String.valueOf(ours.id())).doesNotContain(String.valueOf(theirId));
        storeManager().document(SENT).variable("f", Map.of("memberId", theirId)).execute()
                .path("sentNotifications.totalCount").entity(Integer.class).isEqualTo(0);
        String theirMessage = admin().document(SENT).variable("f", Map.of("memberId", theirId)).execute()
                .path("sentNotifications.edges[0].node.id").entity(String.class).get();
        storeManager().document("query($id: ID!) { notification(id: $id) { id } }").variable("id", theirMessage)
                .execute().path("notification").valueIsNull();
        newStaff(otherStore, "STORE_MANAGER").document("query($id: ID!) { notification(id: $id) { memberId } }")
                .variable("id", theirMessage).execute()
                .path("notification.memberId").entity(String.class).isEqualTo(String.valueOf(theirId));
    }
}

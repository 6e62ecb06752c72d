package com.loyalty.notify;

import com.loyalty.support.IntegrationTest;
import com.loyalty.dev.wechat.FakeWeChatServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Members with consents, queued messages, the sender job, and what staff see of the outcome. */
abstract class NotifyTestSupport extends IntegrationTest {

    /** 10:00 on a Tuesday, brand time: outside quiet hours. */
    static final Instant MORNING = Instant.parse("2026-12-01T10:00:00+08:00");
    static final String POINTS_TEMPLATE = "test-tmpl-points-expiring";
    static final String COUPON_TEMPLATE = "test-tmpl-coupon-expiring";

    @Autowired
    FakeWeChatServer weChat;

    @Autowired
    NotificationOutbox outbox;

    private String store;
    private String manager;

    @BeforeEach
    void tenInTheMorning() {
        clock.setTo(MORNING);
        store = createStore("notify");
        manager = createStaff(store, "STORE_MANAGER");
    }

    /** A member signed in through the fake WeChat, with their id. */
    record Signed(String name, HttpGraphQlTester api, long id) {

        String openid() {
            return FakeWeChatServer.openidOf(name);
        }
    }

    Signed signUp(String prefix) {
        String name = unique(prefix);
        HttpGraphQlTester api = memberOf(store, name);
        return new Signed(name, api, Long.parseLong(idOf(api)));
    }

    /** The member accepts these templates once (as wx.requestSubscribeMessage reports them). */
    void consent(Signed member, String... templateIds) {
        member(member.name()).documentName("grantSubscribeConsent").variable("templateIds", List.of(templateIds))
                .execute().path("grantSubscribeConsent.userErrors").entityList(Object.class).hasSize(0);
    }

    int consentsLeft(Signed member, String templateId) {
        return member(member.name()).documentName("subscribeTemplates").execute()
                .path("subscribeTemplates").entityList(Map.class).get().stream()
                .filter(t -> templateId.equals(t.get("templateId")))
                .map(t -> ((Number) t.get("remainingConsents")).intValue())
                .findFirst().orElseThrow();
    }

    boolean queueDaily(Signed member, String purpose, Object data, Instant dueAt) {
        return Boolean.TRUE.equals(outbox.enqueueDaily(member.id(), purpose, data, dueAt).block());
    }

    /** Runs the sender as an admin would; its summary. */
    String send() {
        return admin().documentName("runJob").variable("job", "SEND_NOTIFICATIONS").execute()
                .path("runJob.summary").entity(String.class).get();
    }

    /** The manager of the store where signUp's members register. */
    HttpGraphQlTester storeManager() {
        return staff(manager, STAFF_PASSWORD);
    }

    /** The member's messages as their store's manager sees them, newest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notifications(Signed member) {
        return storeManager().documentName("notifications").variable("memberId", member.id())
                .variable("first", 100).execute()
                .path("notifications.edges[*].node").entityList(Map.class).get().stream()
                .map(n -> (Map<String, Object>) n).toList();
    }

    /** The member's only message as a manager sees it. */
    Map<String, Object> onlyNotification(Signed member) {
        List<Map<String, Object>> all = notifications(member);
        org.assertj.core.api.Assertions.assertThat(all).hasSize(1);
        return all.get(0);
    }

    static LocalDate today() {
        return LocalDate.of(2026, 12, 1);
    }
}

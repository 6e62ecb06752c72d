package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscribeConsentTest extends NotifyTestSupport {

    @Test
    void theMiniProgramLearnsWhichServiceTemplatesToAskForAndHowManyConsentsAreLeft() {
        Signed member = signUp("ask");

        // service notices only: wake-ups, birthdays, repurchase and campaigns are marketing, never subscribed to
        member.api().documentName("subscribeTemplates").execute()
                .path("subscribeTemplates[*].purpose").entityList(String.class)
                .containsExactly("COUPON_EXPIRING", "EVENT_UPDATE", "POINTS_EXPIRING", "WELCOME")
                .path("subscribeTemplates[*].remainingConsents").entityList(Integer.class)
                .containsExactly(0, 0, 0, 0);

        member.api().documentName("grantSubscribeConsent").variable("templateIds", List.of(POINTS_TEMPLATE, COUPON_TEMPLATE))
                .execute()
                .path("grantSubscribeConsent.userErrors").entityList(Object.class).hasSize(0)
                .path("grantSubscribeConsent.templates[?(@.templateId == '" + POINTS_TEMPLATE + "')].remainingConsents")
                .entityList(Integer.class).containsExactly(1);
        consent(member, POINTS_TEMPLATE);

        assertThat(consentsLeft(member, POINTS_TEMPLATE)).isEqualTo(2);
        assertThat(consentsLeft(member, COUPON_TEMPLATE)).isEqualTo(1);
    }

    @Test
    void onlyConfiguredSubscribeTemplatesCanBeGranted() {
        Signed member = signUp("unknown");

        member.api().documentName("grantSubscribeConsent")
                .variable("templateIds", List.of(POINTS_TEMPLATE, "made-up", "test-tmpl-dormant"))
                .execute()
                .path("grantSubscribeConsent.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("grantSubscribeConsent.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "templateIds")
                .path("grantSubscribeConsent.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("made-up").contains("test-tmpl-dormant"));

        assertThat(consentsLeft(member, POINTS_TEMPLATE)).isZero();
    }

    @Test
    void aMarketingMessageCannotBeSubscribedToOnce() {
        Signed member = signUp("marketing");

        member.api().documentName("grantSubscribeConsent").variable("templateIds", List.of(POINTS_TEMPLATE, "SMS_TEST_BIRTHDAY"))
                .execute()
                .path("grantSubscribeConsent.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("grantSubscribeConsent.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "templateIds")
                .path("grantSubscribeConsent.userErrors[0].message").entity(String.class)
                .satisfies(m -> assertThat(m).contains("营销消息不能订阅").contains("BIRTHDAY"));

        assertThat(consentsLeft(member, POINTS_TEMPLATE)).isZero();
    }

    @Test
    void onlyManagersAndAdminsOfTheBrandSeeWhatWasSentToAMember() {
        Signed member = signUp("seen");
        queueDaily(member, "BIRTHDAY", Map.of("name", "小爱"), MORNING);
        String store = createStore("seen");

        newStaff(store, "CLERK").documentName("notifications").variable("memberId", member.id()).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        member.api().documentName("notifications").variable("memberId", member.id()).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        admin().documentName("notifications").variable("memberId", member.id()).execute()
                .path("notifications.totalCount").entity(Integer.class).isEqualTo(1)
                .path("notifications.edges[0].node.status").entity(String.class).isEqualTo("PENDING");
        newStaff(store, "STORE_MANAGER").documentName("notifications").variable("memberId", 999_999_999).execute()
                .errors().expect(e -> "BAD_REQUEST".equals(e.getErrorType().toString())).verify();
    }

    @Test
    void staffPageThroughAMembersMessagesByStatus() {
        Signed member = signUp("pages");
        for (String purpose : List.of("BIRTHDAY", "REPURCHASE", "DORMANT_30")) {
            queueDaily(member, purpose, Map.of(), MORNING);
        }
        send(); // marketing goes by SMS, and the member has no phone: all three SKIPPED
        queueDaily(member, "POINTS_EXPIRING", Map.of(), MORNING.plusSeconds(3600));

        var manager = storeManager();
        String cursor = manager.documentName("notifications").variable("memberId", member.id())
                .variable("status", "SKIPPED").variable("first", 2).execute()
                .path("notifications.totalCount").entity(Integer.class).isEqualTo(3)
                .path("notifications.edges[*].node.purpose").entityList(String.class)
                .containsExactly("DORMANT_30", "REPURCHASE")
                .path("notifications.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("notifications.pageInfo.endCursor").entity(String.class).get();
        manager.documentName("notifications").variable("memberId", member.id()).variable("status", "SKIPPED")
                .variable("first", 2).variable("after", cursor).execute()
                .path("notifications.edges[*].node.purpose").entityList(String.class).containsExactly("BIRTHDAY");
    }
}

package com.loyalty.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The event notice (EVENT_UPDATE) the mini-program asks for when a member taps 报名: the consent it
 * records is what lets the waiting list's "you have a place" reach them as a WeChat subscribe
 * message, once per consent; a member who declined is not sent one.
 */
class EventUpdateSubscriptionTest extends NotifyTestSupport {

    static final String EVENT_TEMPLATE = "test-tmpl-event-update";

    @Test
    void aMemberWhoAcceptedTheEventNoticeAtSignUpIsToldByWeChatWhenAPlaceFreesUp() {
        HttpGraphQlTester manager = storeManager();
        String event = publishedEvent(manager);
        Signed first = signUp("first");
        Signed accepted = signUp("accepted");
        Signed declined = signUp("declined");

        // 报名: the mini-program asked for the event notice first; one member accepted, one did not
        assertThat(signUpFor(first, event)).isEqualTo("CONFIRMED");
        consent(accepted, EVENT_TEMPLATE);
        assertThat(consentsLeft(accepted, EVENT_TEMPLATE)).isEqualTo(1);
        assertThat(signUpFor(accepted, event)).isEqualTo("WAITING");
        assertThat(signUpFor(declined, event)).isEqualTo("WAITING");

        // the first member cancels: the waiting list moves up, the accepted member is told
        member(first.name()).document("mutation($id: ID!) { cancelEventSignUp(input: { eventId: $id }) { userErrors { code } } }")
                .variable("id", event).execute().path("cancelEventSignUp.userErrors").entityList(Object.class).hasSize(0);
        send();

        assertThat(weChat.sentTo(accepted.openid())).singleElement()
                .satisfies(sent -> assertThat(sent.templateId()).isEqualTo(EVENT_TEMPLATE));
        assertThat(onlyNotification(accepted)).containsEntry("status", "SENT").containsEntry("purpose", "EVENT_UPDATE")
                .containsEntry("channel", "WECHAT_SUBSCRIBE");
        assertThat(consentsLeft(accepted, EVENT_TEMPLATE)).as("the consent was used").isZero();
        assertThat(weChat.sentTo(declined.openid())).isEmpty();
    }

    /** A published event at the store of signUp's members with one place, in three days (before its cancellation deadline). */
    private String publishedEvent(HttpGraphQlTester manager) {
        OffsetDateTime starts = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(3)), ZoneOffset.ofHours(8));
        String id = manager.document("""
                        mutation($input: CreateMemberEventInput!) { createMemberEvent(input: $input) {
                          event { id } userErrors { field code message } } }""")
                .variable("input", Map.of("title", "品鉴会", "description", "新品咖啡品鉴", "startsAt", starts.toString(),
                        "endsAt", starts.plusHours(2).toString(), "capacity", 1, "points", 0))
                .execute().path("createMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("createMemberEvent.event.id").entity(String.class).get();
        manager.document("mutation($id: ID!) { publishMemberEvent(input: { eventId: $id }) { userErrors { code } } }")
                .variable("id", id).execute().path("publishMemberEvent.userErrors").entityList(Object.class).hasSize(0);
        return id;
    }

    private String signUpFor(Signed member, String event) {
        return member(member.name()).document("""
                        mutation($id: ID!) { signUpForEvent(input: { eventId: $id }) {
                          signUp { status } userErrors { code message } } }""")
                .variable("id", event).execute()
                .path("signUpForEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("signUpForEvent.signUp.status").entity(String.class).get();
    }
}

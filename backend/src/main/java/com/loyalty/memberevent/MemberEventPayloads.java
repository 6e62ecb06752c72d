package com.loyalty.memberevent;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** The payloads of the member event mutations. */
public final class MemberEventPayloads {

    private MemberEventPayloads() {
    }

    public record MemberEventPayload(MemberEvent event, List<UserError> userErrors) {

        public static MemberEventPayload of(MemberEvent event) {
            return new MemberEventPayload(event, List.of());
        }

        public static MemberEventPayload failed(UserError error) {
            return new MemberEventPayload(null, List.of(error));
        }
    }

    public record EventSignUpPayload(EventSignUp signUp, boolean replayed, List<UserError> userErrors) {

        public static EventSignUpPayload of(EventSignUp signUp, boolean replayed) {
            return new EventSignUpPayload(signUp, replayed, List.of());
        }

        public static EventSignUpPayload failed(UserError error) {
            return new EventSignUpPayload(null, false, List.of(error));
        }
    }

    public record EventCheckInPayload(EventSignUp signUp, Member member, boolean replayed, List<UserError> userErrors) {

        public static EventCheckInPayload failed(UserError error) {
            return new EventCheckInPayload(null, null, false, List.of(error));
        }
    }

    /** A page of events with the count in each status (staff lists; empty for members). */
    public record MemberEventConnection(List<graphql.relay.Edge<MemberEvent>> edges, graphql.relay.PageInfo pageInfo,
                                 long totalCount, List<StatusCount> statusCounts) {

        public static MemberEventConnection of(com.loyalty.shared.graphql.Pages.Page<MemberEvent> page, List<StatusCount> counts) {
            return new MemberEventConnection(page.edges(), page.pageInfo(), page.totalCount(), counts);
        }
    }

    public record StatusCount(MemberEventStatus status, int count) {
    }
}

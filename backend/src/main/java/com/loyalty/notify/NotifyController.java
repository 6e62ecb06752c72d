package com.loyalty.notify;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import com.loyalty.privacy.MemberConsents;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Members' subscribe-message consents, and what was sent to a member for staff. */
@Controller
class NotifyController {

    private final SubscribeConsentService consents;
    private final NotificationQueries queries;

    NotifyController(SubscribeConsentService consents, NotificationQueries queries) {
        this.consents = consents;
        this.queries = queries;
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<List<SubscribeTemplate>> subscribeTemplates(@AuthenticationPrincipal Viewer viewer) {
        return consents.templates(viewer);
    }

    /**
     * The subscribe-message consents left of a page of members, at once; only reached through
     * Member.consents, which decides who may read them.
     */
    @BatchMapping(typeName = "MemberConsents")
    public Mono<Map<MemberConsents, List<SubscribeTemplate>>> subscribeConsents(List<MemberConsents> members) {
        return consents.templatesOf(members.stream().map(MemberConsents::memberId).distinct().toList())
                .map(byId -> members.stream().collect(Collectors.toMap(Function.identity(),
                        m -> byId.get(m.memberId()), (a, b) -> a)));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<GrantSubscribeConsentPayload> grantSubscribeConsent(@Argument GrantSubscribeConsentInput input,
                                                                    @AuthenticationPrincipal Viewer viewer) {
        return consents.grant(viewer, input.templateIds()).map(GrantSubscribeConsentPayload::of)
                .transform(Payloads.recover(GrantSubscribeConsentPayload::failed));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<Notification>> notifications(@Argument Long memberId, @Argument NotificationStatus status,
                                                        @Argument Integer first, @Argument String after,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return queries.notifications(viewer, memberId, status, first, after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<Notification>> sentNotifications(@Argument SentNotificationFilter filter,
                                                            @Argument Integer first, @Argument String after,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return queries.sent(viewer, filter, first, after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Notification> notification(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return queries.one(viewer, id);
    }
}

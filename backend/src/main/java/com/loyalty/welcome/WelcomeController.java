package com.loyalty.welcome;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The member's own welcome, shown once on the member card. */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class WelcomeController {

    private final WelcomeNotice notices;

    WelcomeController(WelcomeNotice notices) {
        this.notices = notices;
    }

    @QueryMapping
    public Mono<MemberWelcome> myWelcome(@AuthenticationPrincipal Viewer viewer) {
        return notices.unseen(viewer);
    }

    @MutationMapping
    public Mono<MarkWelcomeSeenPayload> markWelcomeSeen(@AuthenticationPrincipal Viewer viewer) {
        return notices.markSeen(viewer).transform(Payloads.recover(MarkWelcomeSeenPayload::failed));
    }
}

package com.loyalty.auth;

import com.loyalty.shared.security.Sessions;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** "Sign out everywhere" for any signed-in member or staff member. */
@Controller
class MySessionsController {

    private final Sessions sessions;

    MySessionsController(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Ends every sign-in of the caller's account, the one asking included. */
    @PreAuthorize("isAuthenticated() and !hasRole('CLIENT')")
    @MutationMapping
    public Mono<EndMySessionsPayload> endMySessions(@AuthenticationPrincipal Viewer viewer) {
        return sessions.endAll(viewer.subject())
                .map(ended -> new EndMySessionsPayload((int) Math.min(ended, Integer.MAX_VALUE), List.of()));
    }
}

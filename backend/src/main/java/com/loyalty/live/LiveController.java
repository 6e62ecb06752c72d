package com.loyalty.live;

import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Subscriptions a member's mini-program keeps open over graphql-ws. */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class LiveController {

    private final LiveUpdates live;

    LiveController(LiveUpdates live) {
        this.live = live;
    }

    @SubscriptionMapping
    public Flux<LiveEvent.PointsChange> pointsChanged(@AuthenticationPrincipal Viewer viewer) {
        return live.eventsFor(viewer.id(), LiveEvent.Type.POINTS_CHANGED).map(LiveEvent::points);
    }

    @SubscriptionMapping
    public Flux<LiveEvent.CodeScan> memberCodeScanned(@AuthenticationPrincipal Viewer viewer) {
        return live.eventsFor(viewer.id(), LiveEvent.Type.MEMBER_CODE_SCANNED).map(LiveEvent::scan);
    }
}

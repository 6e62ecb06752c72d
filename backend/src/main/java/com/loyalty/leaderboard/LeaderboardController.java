package com.loyalty.leaderboard;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Leaderboards of the current week or month, and their rebuild from Postgres. */
@Controller
class LeaderboardController {

    private final LeaderboardService leaderboards;
    private final StoreService stores;
    private final BrandProperties brand;
    private final Clock clock;

    LeaderboardController(LeaderboardService leaderboards, StoreService stores, BrandProperties brand,
                                 Clock clock) {
        this.leaderboards = leaderboards;
        this.stores = stores;
        this.brand = brand;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated() and !hasRole('CLIENT')")
    @QueryMapping
    public Mono<Leaderboard> leaderboard(@Argument LeaderboardInput input, @AuthenticationPrincipal Viewer viewer) {
        Mono<Void> store = Mono.empty();
        if (input.scope() == BoardScope.STORE) {
            if (input.storeId() == null) {
                return Mono.error(new BadArgumentException("a STORE board needs storeId"));
            }
            store = stores.require(viewer.brandId(), input.storeId(), "storeId")
                    .onErrorMap(e -> new BadArgumentException("no such store: " + input.storeId())).then();
        }
        return store.then(leaderboards.board(viewer, input, today()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<RebuildLeaderboardsPayload> rebuildLeaderboards(@Argument RebuildLeaderboardsInput input) {
        return leaderboards.rebuild(input.period(), today()).map(n -> new RebuildLeaderboardsPayload(n, List.of()));
    }

    private LocalDate today() {
        return brand.today(clock);
    }
}

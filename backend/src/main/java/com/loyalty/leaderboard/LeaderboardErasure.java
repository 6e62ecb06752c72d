package com.loyalty.leaderboard;

import com.loyalty.privacy.AccountErasure;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** After accounts are erased, every board Redis still keeps is recomputed from Postgres without them. */
@Component
class LeaderboardErasure implements AccountErasure {

    private final LeaderboardService leaderboards;

    LeaderboardErasure(LeaderboardService leaderboards) {
        this.leaderboards = leaderboards;
    }

    @Override
    public Mono<Void> memberErased(long memberId) {
        return Mono.empty();
    }

    @Override
    public Mono<String> afterErasing(LocalDate asOf, long erased) {
        return leaderboards.rebuildKept(asOf).map(boards -> "rebuilt " + boards + " leaderboards");
    }
}

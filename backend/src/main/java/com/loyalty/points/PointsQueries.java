package com.loyalty.points;

import com.loyalty.shared.graphql.Pages;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Read side of points: balances, soon-expiring points and history pages (keyset, newest first). */
@Service
public class PointsQueries {

    private static final String CURSOR_KIND = "ledger";

    private final PointsLedgerRepository ledger;
    private final PointsService points;
    private final Clock clock;

    public PointsQueries(PointsLedgerRepository ledger, PointsService points, Clock clock) {
        this.ledger = ledger;
        this.points = points;
        this.clock = clock;
    }

    public Mono<Map<Long, Long>> balances(Collection<Long> memberIds) {
        return ledger.balances(memberIds)
                .collectMap(PointsLedgerRepository.BalanceRow::memberId, PointsLedgerRepository.BalanceRow::balance);
    }

    public Mono<List<ExpiringPoints>> expiringSoon(long memberId) {
        return points.expiringSoon(memberId, clock.instant())
                .map(grant -> new ExpiringPoints(grant.remaining(), grant.expiresAt()))
                .collectList();
    }

    public Mono<Pages.Page<LedgerEntry>> history(long memberId, Integer first, String after) {
        int size = Pages.size(first);
        return ledger.history(memberId, Pages.after(after, CURSOR_KIND), size + 1).collectList()
                .zipWith(ledger.countEntries(memberId),
                        (rows, total) -> Pages.of(rows, size, LedgerEntry::id, CURSOR_KIND, after != null, total));
    }
}

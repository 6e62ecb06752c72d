package com.loyalty.points;

import com.loyalty.shared.graphql.BadArgumentException;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Read side of points: balances, soon-expiring points and history pages (keyset, newest first). */
@Service
public class PointsQueries {

    static final int MAX_PAGE = 100;
    private static final String CURSOR_PREFIX = "ledger:";

    private final PointsLedger ledger;
    private final PointsService points;
    private final Clock clock;

    public PointsQueries(PointsLedger ledger, PointsService points, Clock clock) {
        this.ledger = ledger;
        this.points = points;
        this.clock = clock;
    }

    public Mono<Map<Long, Long>> balances(Collection<Long> memberIds) {
        return ledger.balances(memberIds).collectMap(PointsLedger.BalanceRow::memberId, PointsLedger.BalanceRow::balance);
    }

    public Mono<List<ExpiringPoints>> expiringSoon(long memberId) {
        return points.expiringSoon(memberId, clock.instant())
                .map(grant -> new ExpiringPoints(grant.remaining(), grant.expiresAt()))
                .collectList();
    }

    public Mono<PointsHistoryPage> history(long memberId, Integer first, String after) {
        int size = Math.max(0, Math.min(first == null ? 20 : first, MAX_PAGE));
        Long before = after == null ? null : decode(after);
        return ledger.history(memberId, before, size + 1).collectList()
                .zipWith(ledger.countEntries(memberId))
                .map(t -> {
                    List<LedgerEntry> rows = t.getT1();
                    boolean more = rows.size() > size;
                    List<Edge<LedgerEntry>> edges = rows.stream().limit(size)
                            .<Edge<LedgerEntry>>map(e -> new DefaultEdge<>(e, new DefaultConnectionCursor(encode(e.id()))))
                            .toList();
                    return new PointsHistoryPage(edges, new DefaultPageInfo(
                            edges.isEmpty() ? null : edges.get(0).getCursor(),
                            edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor(),
                            after != null, more), t.getT2());
                });
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static Long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new BadArgumentException("Invalid cursor: " + cursor);
        }
    }
}

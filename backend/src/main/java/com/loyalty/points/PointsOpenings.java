package com.loyalty.points;

import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opening balances from a brand's previous system (the bulk import), many members at a time: each
 * an OPENING entry in the ledger with its bucket (expiring as the old system said), so the balance
 * is still the sum of the ledger. At most one opening per member, ever (idempotency key
 * {@value #KEY}): entering it again changes nothing. No PointsEvents: an opening is not earned
 * (leaderboards, live updates), and the boards are rebuilt from the ledger.
 */
@Service
public class PointsOpenings {

    /** The idempotency key of a member's opening entry. */
    public static final String KEY = "opening";

    private final PointsLedgerRepository ledger;

    PointsOpenings(PointsLedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** Enters the openings (in the caller's transaction); how many were new. */
    public Mono<Long> open(long brandId, Long staffId, List<PointsOpening> openings) {
        List<PointsOpening> some = openings.stream().filter(o -> o.points() > 0).toList();
        return some.isEmpty() ? Mono.just(0L) : ledger.openAll(brandId, staffId, some, KEY);
    }
}

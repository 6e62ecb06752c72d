package com.loyalty.points;

import com.loyalty.programme.ProgramRulesService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves points through the append-only ledger. Callers hold the member's balance lock
 * ({@link #lock}) inside one transaction, so changes to one member apply one at a time and the
 * balance row always equals the sum of the ledger.
 */
@Service
public class PointsService {

    private final PointsLedgerRepository ledger;
    private final PointsProperties settings;
    private final ProgramRulesService rules;
    private final BrandProperties brand;
    private final Clock clock;
    private final ObjectProvider<PointsEvents> events;

    public PointsService(PointsLedgerRepository ledger, PointsProperties settings, ProgramRulesService rules,
                         BrandProperties brand, Clock clock, ObjectProvider<PointsEvents> events) {
        this.ledger = ledger;
        this.settings = settings;
        this.rules = rules;
        this.brand = brand;
        this.clock = clock;
        this.events = events;
    }

    /** Locks the member's points for this transaction; returns the balance. */
    public Mono<Long> lock(long memberId) {
        return ledger.lockBalance(memberId);
    }

    /**
     * When points earned at {@code earnedAt} expire: the last second of the month the rules in force
     * then say (12th by default) after the month earned.
     */
    public Instant expiryFor(Instant earnedAt) {
        return expiryFor(earnedAt, rules.rulesAt(earnedAt).expiryMonths());
    }

    /** The last second of the {@code months}-th month after the one {@code earnedAt} falls in. */
    public Instant expiryFor(Instant earnedAt, int months) {
        ZonedDateTime earned = earnedAt.atZone(brand.zone());
        return YearMonth.from(earned).plusMonths(months).plusMonths(1).atDay(1)
                .atStartOfDay(brand.zone()).minusSeconds(1).toInstant();
    }

    /**
     * Adds points: pays off any debt first, and grants the rest as a bucket expiring at
     * {@code expiresAt}. Returns the ledger entry id.
     */
    public Mono<Long> credit(NewEntry entry, long points, Instant expiresAt) {
        return ledger.credit(entry, points, expiresAt)
                .flatMap(credited -> changed(entry, points, credited.balance()).thenReturn(credited.entryId()));
    }

    /**
     * Takes points from the member's valid buckets, the preferred one first and then the
     * soonest-expiring, recording which buckets it took. With {@code allowDebt} a shortfall is
     * owed (the balance goes below zero); otherwise it is INSUFFICIENT_POINTS and nothing changes.
     */
    public Mono<Long> debit(NewEntry entry, long points, Long preferredGrantId, boolean allowDebt) {
        return ledger.openGrants(entry.memberId(), entry.at(), preferredGrantId).collectList().flatMap(grants -> {
            long available = grants.stream().mapToLong(OpenGrant::remaining).sum();
            if (!allowDebt && available < points) {
                return Mono.error(new BusinessException(ErrorCode.INSUFFICIENT_POINTS,
                        "积分不足：可用 " + available + " 分，需要 " + points + " 分"));
            }
            return ledger.insert(entry, -points, null)
                    .flatMap(id -> allocate(id, grants, points)
                            .then(ledger.addToBalance(entry.memberId(), -points))
                            .flatMap(balance -> changed(entry, -points, balance))
                            .thenReturn(id));
        });
    }

    /** Expires what is left of one bucket (the caller holds the member's lock). */
    public Mono<Long> expire(NewEntry entry, long grantId, long points) {
        return ledger.insert(entry, -points, null)
                .flatMap(id -> ledger.allocate(id, grantId, points)
                        .then(ledger.addToBalance(entry.memberId(), -points))
                        .flatMap(balance -> changed(entry, -points, balance))
                        .thenReturn(id));
    }

    /** Tells the other features (leaderboards, live updates) that points moved. */
    private Mono<Void> changed(NewEntry entry, long delta, long balance) {
        return Flux.fromStream(events::orderedStream)
                .concatMap(e -> (entry.kind().countsAsEarned() ? e.pointsEarned(entry, delta) : Mono.<Void>empty())
                        .then(e.pointsChanged(entry, delta, balance)))
                .then();
    }

    private Mono<Void> allocate(long entryId, List<OpenGrant> grants, long points) {
        long left = points;
        Mono<Void> steps = Mono.empty();
        for (OpenGrant grant : grants) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, grant.remaining());
            left -= take;
            steps = steps.then(ledger.allocate(entryId, grant.id(), take));
        }
        return steps;
    }

    /** The grant of a purchase's earned points, taken first when a refund reverses them. */
    public Mono<Long> earnGrantOf(long purchaseId) {
        return ledger.earnGrantOf(purchaseId);
    }

    public Mono<Long> findByIdempotencyKey(long memberId, String key) {
        return ledger.findByIdempotencyKey(memberId, key);
    }

    public Flux<OpenGrant> expiringSoon(long memberId, Instant now) {
        return ledger.expiring(memberId, now, now.plus(java.time.Duration.ofDays(settings.reminderDays())));
    }

    /** What the points pay at the till now (the rules in force now), in cents. */
    public long centsFor(long points) {
        return centsFor(points, clock.instant());
    }

    /** What the points pay at the till at {@code at}, under the rules in force then, in cents. */
    public long centsFor(long points, Instant at) {
        return rules.rulesAt(at).centsFor(points);
    }

    /** True when the points pay a whole number of cents. */
    public boolean redeemable(long points, Instant at) {
        return rules.rulesAt(at).paysWholeCents(points);
    }
}

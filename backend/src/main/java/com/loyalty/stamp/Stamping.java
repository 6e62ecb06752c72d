package com.loyalty.stamp;

import com.loyalty.coupon.CouponRewards;
import com.loyalty.coupon.MemberCoupon;
import com.loyalty.member.Member;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseEvents;
import com.loyalty.purchase.PurchaseHistory;
import com.loyalty.purchase.PurchaseLine;
import com.loyalty.purchase.Refund;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stamps members' cards from recorded purchases and takes stamps back on refunds, inside the
 * purchase's transaction (which holds the member's points lock; each card row is locked too). A new
 * order only, never a replay; one stamp per order and card, whatever retries. The stamp that fills a
 * card completes it and gives its reward in the same transaction, once: the points through the
 * ledger, or the coupon through the coupon module (a coupon that cannot be given, sold out or
 * archived, leaves a note on the card instead of failing the purchase).
 */
@Component
class Stamping implements PurchaseEvents {

    private final StampRepository cards;
    private final PurchaseHistory purchases;
    private final PointsService points;
    private final CouponRewards coupons;
    private final BrandProperties brand;
    private final Clock clock;

    Stamping(StampRepository cards, PurchaseHistory purchases, PointsService points, CouponRewards coupons,
             BrandProperties brand, Clock clock) {
        this.cards = cards;
        this.purchases = purchases;
        this.points = points;
        this.coupons = coupons;
        this.brand = brand;
        this.clock = clock;
    }

    @Override
    public Mono<Void> purchaseRecorded(Purchase purchase, Member member) {
        return cards.active(purchase.brandId()).collectList().flatMap(active -> {
            List<StampCard> here = active.stream()
                    .filter(c -> c.storeId() == null || c.storeId() == purchase.storeId()).toList();
            if (here.isEmpty()) {
                return Mono.<Void>empty();
            }
            Mono<List<PurchaseLine>> lines = here.stream().anyMatch(c -> c.category() != null)
                    ? purchases.linesOf(purchase.id()).collectList() : Mono.just(List.of());
            return lines.flatMap(items -> Flux.fromIterable(here)
                    .concatMap(card -> stampOne(card, purchase, member.id(), items)).then());
        });
    }

    /** Stamps the member's card of this definition for the order, if it qualifies under the card's terms. */
    private Mono<Void> stampOne(StampCard current, Purchase purchase, long memberId, List<PurchaseLine> lines) {
        Instant at = purchase.occurredAt();
        return cards.lockRunning(current.id(), memberId)
                .flatMap(running -> running.endsAt().isAfter(at) ? Mono.just(running)
                        : cards.expire(running.id()).then(Mono.empty()))
                .map(running -> new Candidate(running.terms(), running))
                .defaultIfEmpty(new Candidate(current, null))
                .filter(c -> c.terms().qualifies(purchase, lines))
                .flatMap(c -> (c.running() != null ? Mono.just(c.running())
                        : cards.start(current, memberId, at, current.endsFor(at, brand.zone())))
                        .flatMap(card -> cards.stamp(card, purchase.id(), clock.instant())
                                .filter(stamps -> stamps >= card.terms().stampsNeeded())
                                .flatMap(full -> complete(card, purchase))));
    }

    /** The terms that decide whether an order stamps: the running card's, or the current ones for a new card. */
    private record Candidate(StampCard terms, MemberStampCard running) {
    }

    /** Completes the card and gives its reward, once: only the stamp that moves it out of RUNNING gives it. */
    private Mono<Void> complete(MemberStampCard card, Purchase purchase) {
        Instant now = clock.instant();
        return cards.complete(card.id(), now).filter(Boolean::booleanValue)
                .flatMap(done -> reward(card, purchase, now));
    }

    private Mono<Void> reward(MemberStampCard card, Purchase purchase, Instant now) {
        StampCard terms = card.terms();
        String key = "stamp-card:" + card.id();
        if (terms.rewardPoints() != null) {
            NewEntry entry = new NewEntry(purchase.brandId(), card.memberId(), EntryKind.STAMP_CARD, null, null,
                    purchase.storeId(), null, "集章奖励：" + terms.name(), key, now);
            return points.lock(card.memberId())
                    .then(points.credit(entry, terms.rewardPoints(), points.expiryFor(now)))
                    .flatMap(entryId -> cards.recordReward(card.id(), entryId, null, null));
        }
        return coupons.reward(purchase.brandId(), card.memberId(), terms.rewardCouponTemplateId(), key)
                .map(MemberCoupon::id)
                .flatMap(couponId -> cards.recordReward(card.id(), null, couponId, null))
                .onErrorResume(BusinessException.class,
                        e -> cards.recordReward(card.id(), null, null, "奖励券未能发放：" + e.error().message()));
    }

    @Override
    public Mono<Void> purchaseRefunded(Purchase purchase, Refund refund) {
        if (purchase.guest()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return cards.stampsOnRunningCards(purchase.id())
                .filter(stamped -> stamped.card().terms().lostBy(purchase))
                .concatMap(stamped -> cards.removeStamp(stamped.stampId(), stamped.card().id(), now))
                .then();
    }
}

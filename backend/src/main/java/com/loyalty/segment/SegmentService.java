package com.loyalty.segment;

import com.loyalty.member.Member;
import com.loyalty.member.MemberEvents;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseEvents;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps members' segments current: every member nightly (RFM, quadrant, stage), and one member's
 * stage as soon as they register or buy.
 */
@Service
class SegmentService implements PurchaseEvents, MemberEvents {

    private final SegmentRepository segments;
    private final SegmentProperties rules;
    private final BrandProperties brand;
    private final Clock clock;

    SegmentService(SegmentRepository segments, SegmentProperties rules, BrandProperties brand, Clock clock) {
        this.segments = segments;
        this.rules = rules;
        this.brand = brand;
        this.clock = clock;
    }

    /** Scores every member of every brand for the business date. */
    public Mono<SegmentRepository.Refreshed> refreshAll(LocalDate asOf) {
        return segments.brandIds()
                .concatMap(brandId -> segments.refreshAll(brandId, asOf, brand.zone(), rules, clock.instant()))
                .reduce(new SegmentRepository.Refreshed(0, 0), (a, b) ->
                        new SegmentRepository.Refreshed(a.scored() + b.scored(), a.stageChanges() + b.stageChanges()));
    }

    @Override
    public Mono<Void> purchaseRecorded(Purchase purchase, Member member) {
        return refreshStage(member);
    }

    @Override
    public Mono<Void> memberRegistered(Member member) {
        return refreshStage(member);
    }

    /** Refreshes one member's purchase facts and stage now, leaving their scores to the nightly run. */
    Mono<Void> refreshStage(Member member) {
        return segments.refreshStage(member.brandId(), member.id(), brand.today(clock),
                brand.zone(), rules, clock.instant()).then();
    }
}

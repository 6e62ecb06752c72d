package com.loyalty.coupon;

import com.loyalty.shared.Zip;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Viewer;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Read side of coupons: the coupon centre and a member's coupons. */
@Service
class CouponQueries {

    private static final String CURSOR_KIND = "coupon";

    private final CouponRepository coupons;
    private final TierService tiers;
    private final Clock clock;

    CouponQueries(CouponRepository coupons, TierService tiers, Clock clock) {
        this.coupons = coupons;
        this.tiers = tiers;
        this.clock = clock;
    }

    public Mono<List<CentreCoupon>> centre(Viewer member) {
        return Zip.of(coupons.centre(member.brandId(), clock.instant()).collectList()
                        .flatMap(templates -> issued(templates).map(issued -> Map.entry(templates, issued))),
                coupons.countsFor(member.id())
                        .collectMap(CouponRepository.TemplateCount::templateId, CouponRepository.TemplateCount::count),
                tiers.current(member.id()),
                (centre, heldPerTemplate, tier) -> centre.getKey().stream().map(template -> {
                    int held = heldPerTemplate.getOrDefault(template.id(), 0);
                    Integer left = template.remainingStock(centre.getValue().getOrDefault(template.id(), 0L));
                    Instant now = clock.instant();
                    boolean earlyTier = template.earlyFor(tier.level());
                    boolean tierHigh = tier.level() >= template.minTierLevel();
                    // a member whose tier is too low never may: no opening time for them
                    Instant opensAt = tierHigh ? template.window().opensFor(earlyTier, now) : null;
                    boolean available = held < template.perMemberLimit() && (left == null || left > 0)
                            && tierHigh && opensAt == null;
                    return new CentreCoupon(template, held, available, opensAt,
                            earlyTier && template.window().earlyAt(now));
                }).toList());
    }

    public Mono<Pages.Page<MemberCoupon>> coupons(long memberId, MemberCoupon.Status status, Integer first,
                                                 String after) {
        int size = Pages.size(first);
        Instant now = clock.instant();
        MemberCoupon.Status wanted = status == null ? MemberCoupon.Status.USABLE : status;
        return coupons.coupons(memberId, wanted, now, Pages.after(after, CURSOR_KIND), size + 1).collectList()
                .zipWith(coupons.countCoupons(memberId, wanted, now),
                        (rows, total) -> Pages.of(rows, size, MemberCoupon::id, CURSOR_KIND, after != null, total));
    }

    /** Coupons handed out of each stocked template, by template id (unlimited ones are not counted). */
    public Mono<Map<Long, Long>> issued(Collection<CouponTemplate> templates) {
        return coupons.issuedCounts(templates.stream().filter(CouponTemplate::stocked).map(CouponTemplate::id)
                .distinct().toList());
    }

    public Mono<Map<Long, CouponTemplate>> templates(Collection<Long> ids) {
        return coupons.findTemplates(List.copyOf(ids)).collectMap(CouponTemplate::id);
    }

    /** The early tiers' names as the rules in force now call them. */
    public List<String> tierNames(CouponEarlyAccess early) {
        return early.tierNames(tiers.tiersAt(clock.instant()));
    }

    public MemberCoupon.Status status(MemberCoupon coupon) {
        return coupon.statusAt(clock.instant());
    }
}

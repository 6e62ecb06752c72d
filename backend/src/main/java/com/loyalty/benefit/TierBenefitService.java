package com.loyalty.benefit;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.coupon.CouponRewards;
import com.loyalty.coupon.CouponTemplateService;
import com.loyalty.coupon.MemberCoupon;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.tier.Tier;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tiers' monthly benefits: managers set them per tier (a new version each time, audited), members
 * are given them once per month, tier and coupon template, and see where they stand.
 */
@Service
public class TierBenefitService {

    /** The audit trail's name for a tier's benefits (its id: the tier level). */
    static final String SUBJECT = "TIER_BENEFITS";
    static final int MAX_ITEMS = 5;
    static final int MAX_QUANTITY = 10;

    private final TierBenefitRepository benefits;
    private final TierService tiers;
    private final CouponRewards coupons;
    private final CouponTemplateService templates;
    private final StaffAuditLog audit;
    private final BrandProperties brand;
    private final Clock clock;
    private final TransactionalOperator tx;

    TierBenefitService(TierBenefitRepository benefits, TierService tiers, CouponRewards coupons,
                       CouponTemplateService templates, StaffAuditLog audit, BrandProperties brand, Clock clock,
                       TransactionalOperator tx) {
        this.benefits = benefits;
        this.tiers = tiers;
        this.coupons = coupons;
        this.templates = templates;
        this.audit = audit;
        this.brand = brand;
        this.clock = clock;
        this.tx = tx;
    }

    /** Every tier of the ladder in force now with its current benefits (none for a tier without any), lowest first. */
    public Mono<List<TierBenefits>> current(long brandId) {
        return benefits.current(brandId).collectMap(TierBenefits::tierLevel, Function.identity())
                .map(byLevel -> tiers.tiersAt(clock.instant()).stream()
                        .map(t -> byLevel.getOrDefault(t.level(), TierBenefits.none(t.level()))).toList());
    }

    /** A tier's versions, newest first. */
    public Flux<TierBenefits> history(long brandId, int level) {
        return benefits.history(brandId, level);
    }

    /** The tier's name in the ladder in force now ("等级 n" for a level it no longer has). */
    public String tierName(int level) {
        return tiers.tiersAt(clock.instant()).stream().filter(t -> t.level() == level).map(Tier::name).findFirst()
                .orElse("等级 " + level);
    }

    /**
     * Sets the tier's benefits from now on (a new version; what was given stays). Bad input is
     * INVALID_INPUT on its field; a template that is not the brand's COUPON_NOT_FOUND, an archived one
     * COUPON_ARCHIVED.
     */
    public Mono<TierBenefits> set(Viewer staff, SetTierBenefitsInput in) {
        BusinessException problem = problem(in);
        if (problem != null) {
            return Mono.error(problem);
        }
        List<TierBenefits.Item> items = in.items().stream()
                .map(i -> new TierBenefits.Item(i.couponTemplateId(), i.quantity())).toList();
        int level = in.tierLevel();
        return Flux.fromIterable(items)
                .concatMap(item -> templates.find(staff, item.couponTemplateId())
                        .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("items",
                                ErrorCode.COUPON_NOT_FOUND, "优惠券不存在：" + item.couponTemplateId()))))
                        .flatMap(t -> t.archived() ? Mono.error(new BusinessException(UserError.onInput("items",
                                ErrorCode.COUPON_ARCHIVED, "优惠券「" + t.name() + "」已下架，不能作为等级权益")))
                                // the limit counts every coupon of it a member ever got: it must allow at least a month's
                                : t.perMemberLimit() < item.quantity() ? Mono.error(BusinessException.invalid("items",
                                        "优惠券「" + t.name() + "」每人限领 " + t.perMemberLimit() + " 张，少于每月发放的 "
                                                + item.quantity() + " 张"))
                                : Mono.just(t)))
                .then(current(staff.brandId()))
                .flatMap(all -> {
                    TierBenefits before = all.stream().filter(b -> b.tierLevel() == level).findFirst()
                            .orElse(TierBenefits.none(level));
                    return benefits.insert(staff.brandId(), level, items, staff.id(), clock.instant())
                            .then(benefits.current(staff.brandId()).filter(b -> b.tierLevel() == level).next())
                            .flatMap(after -> audit.recordChange(staff, null, "SET_TIER_BENEFITS",
                                    AuditedChange.changed(SUBJECT, level, before, after), tierName(level)).thenReturn(after));
                })
                .as(tx::transactional);
    }

    private BusinessException problem(SetTierBenefitsInput in) {
        if (in.tierLevel() == null || tiers.tiersAt(clock.instant()).stream().noneMatch(t -> t.level() == in.tierLevel())) {
            return BusinessException.invalid("tierLevel", "没有这个会员等级");
        }
        List<SetTierBenefitsInput.Item> items = in.items() == null ? List.of() : in.items();
        if (items.size() > MAX_ITEMS || items.stream().anyMatch(i -> i.couponTemplateId() == null || i.quantity() == null
                || i.quantity() < 1 || i.quantity() > MAX_QUANTITY)
                || new HashSet<>(items.stream().map(SetTierBenefitsInput.Item::couponTemplateId).toList()).size() != items.size()) {
            return BusinessException.invalid("items", "每个等级最多 " + MAX_ITEMS + " 种不重复的券，每种每月 1 到 "
                    + MAX_QUANTITY + " 张");
        }
        return null;
    }

    /**
     * Gives the member this month's benefits of the tier they were just raised to, inside the caller's
     * transaction (the purchase or the review that raised them): once per member, month, tier and
     * template. A template that cannot be given now (sold out, archived, limit reached) is skipped and
     * never fails the caller. Returns the coupons given now.
     */
    public Mono<Integer> giveOnUpgrade(long brandId, long memberId, int level, YearMonth month) {
        return benefits.current(brandId).filter(b -> b.tierLevel() == level).next()
                .flatMap(b -> giveFrom(brandId, memberId, b, month, false))
                .defaultIfEmpty(0);
    }

    /**
     * Gives the benefits of one version; with {@code ownTransactions} (the monthly job) each template
     * in a transaction of its own, so that one that cannot be given leaves nothing half done.
     */
    Mono<Integer> giveFrom(long brandId, long memberId, TierBenefits version, YearMonth month, boolean ownTransactions) {
        LocalDate first = month.atDay(1);
        return Flux.fromIterable(version.items())
                .concatMap(item -> Flux.range(1, item.quantity())
                        .concatMap(n -> coupons.reward(brandId, memberId, item.couponTemplateId(),
                                "benefit:" + first + ":" + version.tierLevel() + ":" + item.couponTemplateId() + ":" + n))
                        .map(MemberCoupon::id).collectList()
                        .flatMap(ids -> benefits.recordGrant(memberId, first, version.tierLevel(), item.couponTemplateId(),
                                version.id(), ids, clock.instant()))
                        .map(recorded -> recorded ? item.quantity() : 0)
                        .as(given -> ownTransactions ? tx.transactional(given) : given)
                        .onErrorResume(BusinessException.class, e -> Mono.just(0)))
                .reduce(0, Integer::sum);
    }

    /** The name of each item's coupon template («优惠券» for one no longer found). */
    public Mono<Map<TierBenefits.Item, String>> couponNames(List<TierBenefits.Item> items) {
        return coupons.templates(brand.id(), items.stream().map(TierBenefits.Item::couponTemplateId).distinct().toList())
                .map(found -> items.stream().distinct().collect(Collectors.toMap(i -> i,
                        i -> found.containsKey(i.couponTemplateId()) ? found.get(i.couponTemplateId()).name() : "优惠券")));
    }

    /** The benefits of the member's tier now, each with where it stands this business month. */
    public Mono<List<MyTierBenefit>> mine(long memberId) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(brand.zone()));
        return tiers.current(memberId).flatMap(tier -> benefits.current(brand.id())
                .filter(b -> b.tierLevel() == tier.level()).next()
                .flatMap(b -> benefits.granted(memberId, month.atDay(1), tier.level())
                        .flatMap(granted -> coupons.templates(brand.id(), b.items().stream()
                                        .map(TierBenefits.Item::couponTemplateId).toList())
                                .zipWith(coupons.coupons(granted.values().stream().flatMap(List::stream).toList())
                                        .collectMap(MemberCoupon::id))
                                .map(found -> b.items().stream().map(item -> state(item, month,
                                        found.getT1().containsKey(item.couponTemplateId())
                                                ? found.getT1().get(item.couponTemplateId()).name() : "优惠券",
                                        granted.getOrDefault(item.couponTemplateId(), List.of()).stream()
                                                .map(found.getT2()::get).filter(java.util.Objects::nonNull).toList(), now))
                                        .toList())))
                .defaultIfEmpty(List.of()));
    }

    private static MyTierBenefit state(TierBenefits.Item item, YearMonth month, String name, List<MemberCoupon> given,
                                       Instant now) {
        if (given.isEmpty()) {
            return new MyTierBenefit(item.couponTemplateId(), name, item.quantity(), MyTierBenefit.State.NOT_YET,
                    month.atDay(1), null);
        }
        Map<MemberCoupon.Status, Long> counts = given.stream()
                .collect(Collectors.groupingBy(c -> c.statusAt(now), Collectors.counting()));
        MyTierBenefit.State state = counts.containsKey(MemberCoupon.Status.USABLE) ? MyTierBenefit.State.ISSUED
                : counts.getOrDefault(MemberCoupon.Status.USED, 0L) == given.size() ? MyTierBenefit.State.USED
                : MyTierBenefit.State.EXPIRED;
        Instant until = given.stream().map(MemberCoupon::validUntil).max(Instant::compareTo).orElse(null);
        return new MyTierBenefit(item.couponTemplateId(), name, item.quantity(), state, month.atDay(1), until);
    }
}

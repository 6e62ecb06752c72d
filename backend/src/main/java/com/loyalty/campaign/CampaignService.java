package com.loyalty.campaign;

import com.loyalty.campaign.CampaignRepository.AudienceCounts;
import com.loyalty.campaign.CampaignRepository.CouponCounts;
import com.loyalty.campaign.CampaignRepository.OrdersAndRevenue;
import com.loyalty.coupon.CouponPackService;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.Zip;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.staff.StaffCapsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Campaigns: created as drafts with a required budget, launched once — the audience is recorded, a
 * share of it held out as the control group, and the others get the benefit (a coupon pack or
 * points) until the budget runs out. Stats compare the treated with the control group over the campaign's window.
 */
@Service
public class CampaignService {

    /** The largest budget a campaign may have (points or packs): far above any real one, far below overflow. */
    static final long MAX_BUDGET = 1_000_000_000_000L;

    private final CampaignRepository campaigns;
    private final CouponPackService packs;
    private final PointsService points;
    private final StaffCapsProperties caps;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public CampaignService(CampaignRepository campaigns, CouponPackService packs,
                           PointsService points, StaffCapsProperties caps, StaffAuditLog audit, Clock clock,
                           TransactionalOperator tx) {
        this.caps = caps;
        this.campaigns = campaigns;
        this.packs = packs;
        this.points = points;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<Campaign> create(Viewer staff, CreateCampaignInput in) {
        if (in.name() == null || in.name().isBlank() || in.name().length() > 64) {
            return Mono.error(BusinessException.invalid("name", "活动名称需为 1 到 64 个字符"));
        }
        if (in.startsAt() == null || in.endsAt() == null || !in.startsAt().isBefore(in.endsAt())) {
            return Mono.error(BusinessException.invalid("endsAt", "结束时间需晚于开始时间"));
        }
        if (in.audience() == Campaign.Audience.TIERS && (in.tiers() == null || in.tiers().isEmpty())
                || in.audience() == Campaign.Audience.MEMBERS && (in.memberIds() == null || in.memberIds().isEmpty())
                || in.audience() == Campaign.Audience.TAGS && (in.tagIds() == null || in.tagIds().isEmpty())
                || in.audience() == Campaign.Audience.STAGES && (in.stages() == null || in.stages().isEmpty())) {
            return Mono.error(BusinessException.invalid("audience", "请选择目标等级、标签、生命周期阶段或会员"));
        }
        if (in.kindOrStandard() == Campaign.Kind.MEMBER_DAY && (in.benefit() != Campaign.Benefit.MULTIPLIER
                || in.memberDay() == null || in.memberDay() < 1 || in.memberDay() > 28)) {
            return Mono.error(BusinessException.invalid("memberDay", "会员日活动需设置积分倍数和每月 1 到 28 日中的一天"));
        }
        if (in.kindOrStandard() == Campaign.Kind.BIRTHDAY && in.benefit() != Campaign.Benefit.COUPON_PACK) {
            return Mono.error(BusinessException.invalid("benefit", "生日活动的权益是券包"));
        }
        if (in.benefit() == Campaign.Benefit.COUPON_PACK && in.packId() == null
                || in.benefit() == Campaign.Benefit.POINTS && (in.points() == null || in.points() <= 0)
                || in.benefit() == Campaign.Benefit.MULTIPLIER && (in.multiplier() == null || in.multiplier() <= 1
                        || in.multiplier() > 10)) {
            return Mono.error(BusinessException.invalid("benefit", "请填写券包、赠送积分或积分倍数（1 到 10 倍）"));
        }
        // a number given for another kind or benefit is stored all the same: it must be in range too
        // stored with two decimals: 1.001 would be kept as 1.00
        if (in.multiplier() != null && !(Math.round(in.multiplier() * 100) > 100 && in.multiplier() <= 10)) {
            return Mono.error(BusinessException.invalid("multiplier", "积分倍数需大于 1 且不超过 10 倍（最多两位小数）"));
        }
        if (in.memberDay() != null && (in.memberDay() < 1 || in.memberDay() > 28)) {
            return Mono.error(BusinessException.invalid("memberDay", "会员日需为每月 1 到 28 日中的一天"));
        }
        if (in.points() != null && (in.points() <= 0 || in.points() > caps.maxAdjustment())) {
            return Mono.error(BusinessException.invalid("points", "每人赠送积分需为 1 到 " + caps.maxAdjustment()));
        }
        if (in.controlPercent() != null && (in.controlPercent() < 0 || in.controlPercent() > 50)) {
            return Mono.error(BusinessException.invalid("controlPercent", "对照组比例需为 0 到 50"));
        }
        if (in.budget() == null || in.budget() <= 0 || in.budget() > MAX_BUDGET) {
            return Mono.error(BusinessException.invalid("budget", in.benefit() == Campaign.Benefit.POINTS
                    ? "请设置活动预算：最多发放的积分总数（1 到 " + MAX_BUDGET + "）"
                    : "请设置活动预算：最多发放的券包数或触达人数（1 到 " + MAX_BUDGET + "）"));
        }
        // the pack first: a foreign-key failure would be an internal error and burn the campaign id
        Mono<Boolean> packExists = in.packId() == null ? Mono.just(true)
                : packs.find(staff.brandId(), in.packId()).hasElement();
        return packExists.flatMap(exists -> exists ? Mono.just(in) : Mono.error(new BusinessException(
                        UserError.onInput("packId", ErrorCode.COUPON_NOT_FOUND, "券包不存在"))))
                // the audience is stored as given: members, tags and tiers the brand does not have are refused
                .flatMap(ok -> campaigns.unknownAudience(staff.brandId(), in.memberIds(), in.tagIds(), in.tiers()))
                .flatMap(unknown -> unknown.memberId() != null ? Mono.error(new BusinessException(UserError.onInput(
                                "memberIds", ErrorCode.MEMBER_NOT_FOUND, "会员不存在：" + unknown.memberId())))
                        : unknown.tagId() != null ? Mono.error(new BusinessException(UserError.onInput("tagIds",
                                ErrorCode.TAG_NOT_FOUND, "标签不存在：" + unknown.tagId())))
                        : unknown.tierLevel() != null ? Mono.error(BusinessException.invalid("tiers",
                                "没有这个会员等级：" + unknown.tierLevel()))
                        : Mono.just(in))
                .flatMap(ok -> campaigns.insert(staff.brandId(), in, staff.id(), clock.instant()))
                .flatMap(c -> audit.record(staff, staff.storeId(), "CREATE_CAMPAIGN", null, c.id() + " " + c.name())
                        .thenReturn(c));
    }

    /**
     * Launches once: records the audience and control group, then gives each treated member the
     * benefit (one transaction per member) until the budget is spent. A member who already holds
     * the campaign's coupon up to its per-member limit (or may not get it) is skipped and counted;
     * the report says how many got it, were skipped, and were left out by the budget. A POINTS
     * campaign above the launcher's caps (loyalty.staff-caps) is refused: an admin launches it.
     */
    public Mono<CampaignLaunch> launch(Viewer staff, long campaignId) {
        Instant now = clock.instant();
        return campaigns.find(staff.brandId(), campaignId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("campaignId",
                        ErrorCode.CAMPAIGN_NOT_FOUND, "活动不存在"))))
                .flatMap(c -> withinCaps(staff, c)
                        .then(campaigns.markLaunched(c.id(), now).flatMap(first -> !first
                                ? Mono.<List<Long>>error(new BusinessException(ErrorCode.CAMPAIGN_ALREADY_LAUNCHED,
                                        "活动已经启动过了"))
                                : campaigns.recordSkipped(c).thenMany(campaigns.recordAudience(c)).collectList())
                                .as(tx::transactional))
                        .flatMap(treated -> c.kind() == Campaign.Kind.BIRTHDAY
                                ? Mono.just(CampaignLaunch.Counts.NONE) // packs go out in each member's birth month
                                : deliver(c, treated, now))
                        .flatMap(counts -> audit.record(staff, staff.storeId(), "LAUNCH_CAMPAIGN", null,
                                        c.id() + " " + c.name() + " " + counts)
                                .then(campaigns.find(staff.brandId(), c.id()))
                                .map(launched -> new CampaignLaunch(launched, counts))));
    }

    /** A POINTS campaign's points per member and budget within what the launcher may grant. */
    private Mono<Void> withinCaps(Viewer staff, Campaign c) {
        if (c.benefit() != Campaign.Benefit.POINTS) {
            return Mono.empty();
        }
        StaffCapsProperties.Cap cap = caps.of(staff.role());
        if (c.points() > cap.pointsPerGrant() || c.budget() == null || c.budget() > cap.campaignPoints()) {
            return Mono.error(new BusinessException(ErrorCode.POINTS_CAP_EXCEEDED, "活动每人 " + c.points()
                    + " 积分、预算 " + c.budget() + " 积分超出您的发放上限（每人 " + cap.pointsPerGrant() + "、每个活动 "
                    + cap.campaignPoints() + "），请由管理员启动"));
        }
        return Mono.empty();
    }

    private Mono<CampaignLaunch.Counts> deliver(Campaign c, List<Long> treated, Instant now) {
        long unit = c.benefit() == Campaign.Benefit.POINTS ? c.points() : 1;
        long budget = c.budget() == null ? Long.MAX_VALUE : c.budget();
        AtomicLong spent = new AtomicLong();
        AtomicLong reached = new AtomicLong();
        AtomicLong holding = new AtomicLong();
        AtomicLong notEligible = new AtomicLong();
        AtomicLong overBudget = new AtomicLong();
        return Flux.fromIterable(treated)
                .concatMap(member -> {
                    if (budget - spent.get() < unit) {
                        overBudget.incrementAndGet();
                        return Mono.empty();
                    }
                    return benefit(c, member, now).then(campaigns.markReached(c.id(), member, now))
                            .as(tx::transactional)
                            .then(Mono.fromRunnable(() -> {
                                spent.addAndGet(unit);
                                reached.incrementAndGet();
                            }))
                            .onErrorResume(BusinessException.class, e -> {
                                (e.error().code() == ErrorCode.COUPON_LIMIT_REACHED ? holding : notEligible)
                                        .incrementAndGet();
                                return Mono.empty();
                            });
                })
                .then(Mono.fromCallable(() -> new CampaignLaunch.Counts(reached.get(), holding.get(), notEligible.get(),
                        overBudget.get(), spent.get())));
    }

    private Mono<Void> benefit(Campaign c, long memberId, Instant now) {
        if (c.benefit() == Campaign.Benefit.MULTIPLIER) {
            return Mono.empty(); // reaching the member is the benefit: their purchases in the window earn more
        }
        if (c.benefit() == Campaign.Benefit.COUPON_PACK) {
            return packs.issueForCampaign(c.brandId(), memberId, c.packId(), c.id()).then();
        }
        return points.lock(memberId).then(points.credit(new NewEntry(c.brandId(), memberId, EntryKind.CAMPAIGN, null,
                null, null, null, c.name(), "campaign:" + c.id() + ":" + memberId, now), c.points(),
                points.expiryFor(now))).then();
    }

    public Mono<CampaignStats> stats(Viewer staff, long campaignId) {
        return stats(staff.brandId(), campaignId);
    }

    /** The stats of a campaign of the brand (CAMPAIGN_NOT_FOUND for another brand's). */
    public Mono<CampaignStats> stats(long brandId, long campaignId) {
        return campaigns.find(brandId, campaignId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CAMPAIGN_NOT_FOUND, "活动不存在")))
                .flatMap(c -> Zip.of(campaigns.audienceCounts(c.id()), campaigns.couponCounts(c.id()),
                        campaigns.ordersAndRevenue(c, false), campaigns.ordersAndRevenue(c, true),
                        campaigns.pointsGiven(c.id()), this::compare));
    }

    /** The treated members against the control group, and what the coupons and points cost. */
    private CampaignStats compare(AudienceCounts audience, CouponCounts coupons, OrdersAndRevenue treated,
                                  OrdersAndRevenue control, long pointsGiven) {
        Double perTreated = audience.treated() == 0 ? null : (double) treated.revenueCents() / audience.treated();
        Double perControl = audience.control() == 0 ? null : (double) control.revenueCents() / audience.control();
        Double uplift = perTreated == null || perControl == null || perControl == 0 ? null
                : (perTreated - perControl) / perControl;
        long cost = coupons.discountCents() + points.centsFor(pointsGiven);
        Double roi = perTreated == null || perControl == null || cost == 0 ? null
                : ((perTreated - perControl) * audience.treated() - cost) / cost;
        return new CampaignStats(audience.audience(), audience.treated(), audience.control(), audience.reached(),
                coupons.issued(), coupons.redeemed(),
                coupons.issued() == 0 ? null : (double) coupons.redeemed() / coupons.issued(),
                treated.orders(), treated.revenueCents(), control.orders(), control.revenueCents(), perTreated,
                perControl, uplift, cost, roi, audience.skippedNoConsent());
    }
}

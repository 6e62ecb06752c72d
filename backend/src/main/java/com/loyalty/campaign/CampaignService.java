package com.loyalty.campaign;

import com.loyalty.coupon.CouponPackService;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Campaigns: created as drafts, launched once — the audience is recorded, a share of it held out
 * as the control group, and the others get the benefit (a coupon pack or points) until the budget
 * runs out. Stats compare the treated with the control group over the campaign's window.
 */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CouponPackService packs;
    private final PointsService points;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    public CampaignService(CampaignRepository campaigns, CouponPackService packs, PointsService points,
                           StaffAuditLog audit, Clock clock, TransactionalOperator tx) {
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
        if (in.controlPercent() != null && (in.controlPercent() < 0 || in.controlPercent() > 50)) {
            return Mono.error(BusinessException.invalid("controlPercent", "对照组比例需为 0 到 50"));
        }
        return campaigns.insert(staff.brandId(), in, staff.id(), clock.instant())
                .flatMap(c -> audit.record(staff, staff.storeId(), "CREATE_CAMPAIGN", null, c.id() + " " + c.name())
                        .thenReturn(c));
    }

    /** Launches once: records the audience and control group and delivers the benefit within the budget. */
    public Mono<Campaign> launch(Viewer staff, long campaignId) {
        Instant now = clock.instant();
        return campaigns.find(staff.brandId(), campaignId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("campaignId",
                        ErrorCode.CAMPAIGN_NOT_FOUND, "活动不存在"))))
                .flatMap(c -> campaigns.markLaunched(c.id(), now).flatMap(first -> !first
                        ? Mono.error(new BusinessException(ErrorCode.CAMPAIGN_ALREADY_LAUNCHED, "活动已经启动过了"))
                        : deliver(c, now).then(audit.record(staff, staff.storeId(), "LAUNCH_CAMPAIGN", null,
                                c.id() + " " + c.name())).then(campaigns.find(staff.brandId(), c.id()))))
                .as(tx::transactional);
    }

    private Mono<Void> deliver(Campaign c, Instant now) {
        if (c.kind() == Campaign.Kind.BIRTHDAY) {
            return campaigns.recordSkipped(c).then(campaigns.recordAudience(c).then()); // packs go out in each member's birth month
        }
        AtomicLong spent = new AtomicLong();
        long unit = c.benefit() == Campaign.Benefit.POINTS ? c.points() : 1;
        return campaigns.recordSkipped(c).thenMany(campaigns.recordAudience(c))
                .filter(member -> c.budget() == null || spent.addAndGet(unit) <= c.budget())
                .concatMap(member -> benefit(c, member, now).then(campaigns.markReached(c.id(), member, now)))
                .then();
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

    /** The campaign multiplier on points the member earns at {@code at}; 1 when none applies. */
    public Mono<Double> multiplierFor(long memberId, Instant at) {
        return campaigns.activeMultiplier(memberId, at, clock.getZone());
    }

    public Mono<CampaignStats> stats(Viewer staff, long campaignId) {
        return stats(staff.brandId(), campaignId);
    }

    /** The stats of a campaign of the brand (CAMPAIGN_NOT_FOUND for another brand's). */
    public Mono<CampaignStats> stats(long brandId, long campaignId) {
        return campaigns.find(brandId, campaignId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CAMPAIGN_NOT_FOUND, "活动不存在")))
                .flatMap(c -> Mono.zip(campaigns.audienceCounts(c.id()), campaigns.couponCounts(c.id()),
                                campaigns.ordersAndRevenue(c, false), campaigns.ordersAndRevenue(c, true),
                                campaigns.pointsGiven(c.id()))
                        .map(t -> {
                            long[] audience = t.getT1();
                            long[] coupons = t.getT2();
                            Double perTreated = audience[1] == 0 ? null : (double) t.getT3()[1] / audience[1];
                            Double perControl = audience[2] == 0 ? null : (double) t.getT4()[1] / audience[2];
                            Double uplift = perTreated == null || perControl == null || perControl == 0 ? null
                                    : (perTreated - perControl) / perControl;
                            long cost = coupons[2] + points.centsFor(t.getT5());
                            Double roi = perTreated == null || perControl == null || cost == 0 ? null
                                    : ((perTreated - perControl) * audience[1] - cost) / cost;
                            return new CampaignStats(audience[0], audience[1], audience[2], audience[3], coupons[0],
                                    coupons[1], coupons[0] == 0 ? null : (double) coupons[1] / coupons[0],
                                    t.getT3()[0], t.getT3()[1], t.getT4()[0], t.getT4()[1], perTreated, perControl,
                                    uplift, cost, roi, audience[4]);
                        }));
    }
}

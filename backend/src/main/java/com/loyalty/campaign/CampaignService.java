package com.loyalty.campaign;

import com.loyalty.campaign.CampaignRepository.AudienceCounts;
import com.loyalty.campaign.CampaignRepository.CouponCounts;
import com.loyalty.campaign.CampaignRepository.OrdersAndRevenue;
import com.loyalty.coupon.CouponPackService;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.segment.MemberFilter;
import com.loyalty.segment.SavedMemberFilterService;
import com.loyalty.shared.Zip;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.notify.Channel;
import com.loyalty.notify.MessageKind;
import com.loyalty.notify.NotificationOutbox;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.staff.StaffCapsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
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
    /** A campaign message's most characters. */
    static final int MAX_MESSAGE = 200;
    /** The longest spend window of a TOP_SPENDERS audience: ten years. */
    static final int MAX_WINDOW_DAYS = 3660;
    /** Members an audience preview shows. */
    private static final int PREVIEW_SAMPLE = 10;
    /** The audit trail's subject type, and the cursor kind of campaign lists. */
    static final String SUBJECT = "CAMPAIGN";
    private static final String CURSOR = "campaign";
    /** The period of a one-off campaign's benefit. */
    static final String ONCE = "ONCE";

    private final CampaignRepository campaigns;
    private final CouponPackService packs;
    private final PointsService points;
    private final StaffCapsProperties caps;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;
    private final ObjectProvider<CampaignEvents> events;
    private final NotificationOutbox outbox;
    private final BrandProperties brand;
    private final SavedMemberFilterService savedFilters;
    private final CampaignEarningMultipliers multipliers;

    public CampaignService(CampaignRepository campaigns, CouponPackService packs,
                           PointsService points, StaffCapsProperties caps, StaffAuditLog audit, Clock clock,
                           TransactionalOperator tx, NotificationOutbox outbox, BrandProperties brand,
                           SavedMemberFilterService savedFilters, ObjectProvider<CampaignEvents> events,
                           CampaignEarningMultipliers multipliers) {
        this.events = events;
        this.multipliers = multipliers;
        this.savedFilters = savedFilters;
        this.outbox = outbox;
        this.brand = brand;
        this.caps = caps;
        this.campaigns = campaigns;
        this.packs = packs;
        this.points = points;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Creates a draft. A FILTER audience given as {@code savedFilterId} stores a copy of the saved
     * filter's definition as it is now: editing or deleting the saved filter later never changes
     * the campaign.
     */
    public Mono<Campaign> create(Viewer staff, CreateCampaignInput in) {
        return savedFilter(staff, in.audience(), in.filter(), in.savedFilterId())
                .map(in::withFilter)
                .defaultIfEmpty(in)
                .flatMap(resolved -> validate(staff, resolved)
                        .flatMap(ok -> campaigns.insert(staff.brandId(), resolved, staff.id(), clock.instant())))
                .flatMap(c -> audit.recordChange(staff, null, "CREATE_CAMPAIGN",
                        AuditedChange.created(SUBJECT, c.id(), c), c.name()).thenReturn(c));
    }

    /**
     * The rules a campaign's fields follow, for a new campaign and for a draft or scheduled one
     * being changed alike: the input back when they hold, INVALID_INPUT (or the missing pack,
     * member, tag) otherwise.
     */
    private Mono<CreateCampaignInput> validate(Viewer staff, CreateCampaignInput in) {
        if (in.audience() == null || in.benefit() == null) {
            return Mono.error(BusinessException.invalid("audience", "请选择活动对象和权益"));
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 64) {
            return Mono.error(BusinessException.invalid("name", "活动名称需为 1 到 64 个字符"));
        }
        if (in.startsAt() == null || in.endsAt() == null || !in.startsAt().isBefore(in.endsAt())) {
            return Mono.error(BusinessException.invalid("endsAt", "结束时间需晚于开始时间"));
        }
        String audienceProblem = audienceProblem(in.audienceInput());
        if (audienceProblem != null) {
            return Mono.error(BusinessException.invalid("audience", audienceProblem));
        }
        if (in.recurrenceOrNone() == Campaign.Recurrence.MONTHLY && (in.kindOrStandard() != Campaign.Kind.STANDARD
                || in.benefit() == Campaign.Benefit.MULTIPLIER)) {
            return Mono.error(BusinessException.invalid("recurrence", "按月重复只适用于发券包或积分的普通活动"));
        }
        if (in.message() != null && in.message().strip().length() > MAX_MESSAGE) {
            return Mono.error(BusinessException.invalid("message", "活动消息最多 " + MAX_MESSAGE + " 个字"));
        }
        if (in.channel() != null && !MessageKind.MARKETING.mayGoBy(in.channel())) {
            return Mono.error(notBySubscribeMessage());
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
                .flatMap(ok -> unknownAudience(staff, in.audienceInput()))
                .flatMap(unknown -> unknown.memberId() != null ? Mono.error(new BusinessException(UserError.onInput(
                                "memberIds", ErrorCode.MEMBER_NOT_FOUND, "会员不存在：" + unknown.memberId())))
                        : unknown.tagId() != null ? Mono.error(new BusinessException(UserError.onInput("tagIds",
                                ErrorCode.TAG_NOT_FOUND, "标签不存在：" + unknown.tagId())))
                        : unknown.tierLevel() != null ? Mono.error(BusinessException.invalid("tiers",
                                "没有这个会员等级：" + unknown.tierLevel()))
                        : Mono.just(in));
    }

    /** What is wrong with an audience as given (its lists and numbers); null when nothing is. */
    static String audienceProblem(CampaignAudienceInput a) {
        if (a.audience() == null) {
            return "请选择活动对象";
        }
        if (a.audience() == Campaign.Audience.TIERS && (a.tiers() == null || a.tiers().isEmpty())
                || a.audience() == Campaign.Audience.MEMBERS && (a.memberIds() == null || a.memberIds().isEmpty())
                || a.audience() == Campaign.Audience.TAGS && (a.tagIds() == null || a.tagIds().isEmpty())
                || a.audience() == Campaign.Audience.STAGES && (a.stages() == null || a.stages().isEmpty())
                || a.audience() == Campaign.Audience.SEGMENTS && (a.segments() == null || a.segments().isEmpty())
                || a.audience() == Campaign.Audience.FILTER && a.filter() == null) {
            return "请选择目标等级、标签、生命周期阶段、RFM 分群、筛选条件或会员";
        }
        if (a.audience() == Campaign.Audience.TOP_SPENDERS && (a.topPercent() == null || a.windowDays() == null)) {
            return "消费排行需设置前百分之几（1 到 100）和统计天数（1 到 " + MAX_WINDOW_DAYS + "）";
        }
        // stored whatever the audience: in range too
        if (a.topPercent() != null && (a.topPercent() < 1 || a.topPercent() > 100)) {
            return "消费排行的百分比需为 1 到 100";
        }
        if (a.windowDays() != null && (a.windowDays() < 1 || a.windowDays() > MAX_WINDOW_DAYS)) {
            return "消费排行的统计天数需为 1 到 " + MAX_WINDOW_DAYS;
        }
        // checked as members(filter:) checks it
        return a.filter() == null ? null : a.filter().problem();
    }

    /**
     * The current definition of the saved filter a FILTER audience names, to copy into it; empty
     * without {@code savedFilterId}; INVALID_INPUT on savedFilterId for another audience, with an
     * inline filter as well, or for a saved filter the brand does not have.
     */
    private Mono<MemberFilter> savedFilter(Viewer staff, Campaign.Audience audience, MemberFilter inline,
                                           Long savedFilterId) {
        if (savedFilterId == null) {
            return Mono.empty();
        }
        if (audience != Campaign.Audience.FILTER) {
            return Mono.error(BusinessException.invalid("savedFilterId", "已保存的筛选条件只用于按筛选条件（FILTER）选择的活动对象"));
        }
        if (inline != null) {
            return Mono.error(BusinessException.invalid("savedFilterId", "请只填写筛选条件或已保存的筛选条件中的一项"));
        }
        return savedFilters.definition(staff.brandId(), savedFilterId)
                .switchIfEmpty(Mono.error(() -> BusinessException.invalid("savedFilterId", "已保存的筛选条件不存在")));
    }

    /** The first member, tag or tier of the audience (its filter's too) the brand does not have. */
    private Mono<CampaignRepository.UnknownAudience> unknownAudience(Viewer staff, CampaignAudienceInput a) {
        List<Long> tags = new ArrayList<>(a.tagIds() == null ? List.of() : a.tagIds());
        List<Integer> tiers = new ArrayList<>(a.tiers() == null ? List.of() : a.tiers());
        if (a.filter() != null) {
            tags.addAll(a.filter().tags() == null ? List.of() : a.filter().tags());
            tiers.addAll(a.filter().tiers() == null ? List.of() : a.filter().tiers());
        }
        return campaigns.unknownAudience(staff.brandId(), a.memberIds(), tags, tiers);
    }

    /**
     * Who an audience would take now, before launch: how many match, how many of them lack
     * marketing consent (they would be left out), and up to 10 of the others, nicknames masked.
     * The same audience code as the launch and the monthly runs.
     */
    public Mono<AudiencePreview> preview(Viewer staff, CampaignAudienceInput in) {
        if (in != null && in.savedFilterId() != null) {
            return savedFilter(staff, in.audience(), in.filter(), in.savedFilterId())
                    .onErrorMap(BusinessException.class, e -> new BadArgumentException(e.error().message()))
                    .flatMap(copied -> preview(staff, in.withFilter(copied)));
        }
        String problem = in == null ? "请选择活动对象" : audienceProblem(in);
        if (problem != null) {
            return Mono.error(new BadArgumentException(problem));
        }
        Instant now = clock.instant();
        return unknownAudience(staff, in)
                .flatMap(unknown -> unknown.memberId() != null || unknown.tagId() != null || unknown.tierLevel() != null
                        ? Mono.error(new BadArgumentException("活动对象中有不存在的会员、标签或等级"))
                        : campaigns.previewCounts(staff.brandId(), in, now)
                                .zipWith(campaigns.previewSample(staff.brandId(), in, now, PREVIEW_SAMPLE).collectList(),
                                        (counts, sample) -> new AudiencePreview(counts.count(), counts.withoutConsent(),
                                                sample)));
    }

    /** The brand's campaigns matching the filter, newest first, with the total and the count in each status. */
    public Mono<CampaignConnection> list(Viewer staff, CampaignFilter filter, Integer first, String after) {
        CampaignFilter f = filter == null ? CampaignFilter.ALL : filter;
        if (f.search() != null && f.search().length() > 64) {
            return Mono.error(new BadArgumentException("搜索的活动名称最多 64 个字符"));
        }
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR);
        return campaigns.statusCounts(staff.brandId(), f).collectList()
                .zipWith(campaigns.page(staff.brandId(), f, before, size + 1).collectList(), (found, rows) -> {
                    List<CampaignConnection.StatusCount> counts = Arrays.stream(Campaign.Status.values())
                            .map(status -> new CampaignConnection.StatusCount(status, found.stream()
                                    .filter(c -> c.status() == status).mapToLong(CampaignConnection.StatusCount::count)
                                    .sum()))
                            .toList();
                    long total = f.status() == null ? counts.stream().mapToLong(CampaignConnection.StatusCount::count).sum()
                            : counts.get(f.status().ordinal()).count();
                    return CampaignConnection.of(Pages.of(rows, size, Campaign::id, CURSOR, after != null, total),
                            counts);
                });
    }

    public Mono<Campaign> find(Viewer staff, long campaignId) {
        return campaigns.find(staff.brandId(), campaignId);
    }

    private Mono<Campaign> existing(Viewer staff, Long campaignId) {
        return (campaignId == null ? Mono.<Campaign>empty() : campaigns.find(staff.brandId(), campaignId))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("campaignId",
                        ErrorCode.CAMPAIGN_NOT_FOUND, "活动不存在"))));
    }

    /**
     * Changes a campaign. A draft or scheduled one: any field, checked as at creation (a scheduled
     * one must still end in the future). A running or paused one: only its name, end (not before
     * now nor its start), budget (not below what it already used) and message. An ended one:
     * nothing (CAMPAIGN_STATUS_CONFLICT). A {@code savedFilterId} copies the saved filter's current
     * definition in as the new filter, as at creation.
     */
    public Mono<Campaign> update(Viewer staff, UpdateCampaignInput in) {
        Instant now = clock.instant();
        return existing(staff, in.campaignId()).flatMap(before -> (before.status() == Campaign.Status.ENDED
                ? Mono.<Campaign>error(new BusinessException(UserError.onInput("campaignId",
                        ErrorCode.CAMPAIGN_STATUS_CONFLICT, "活动已结束，不能再修改；如需再办，请新建活动")))
                : savedFilter(staff, in.audience() != null ? in.audience() : before.audience(), in.filter(),
                                in.savedFilterId())
                        .map(in::withFilter)
                        .defaultIfEmpty(in)
                        .flatMap(resolved -> switch (before.status()) {
                            case DRAFT, SCHEDULED -> updateAll(staff, before, resolved.mergedInto(before), now);
                            case RUNNING, PAUSED, ENDED -> updateLive(staff, before, resolved, now);
                        })).flatMap(after -> audit.recordChange(staff, null, "UPDATE_CAMPAIGN",
                AuditedChange.changed(SUBJECT, after.id(), before, after), after.name()).thenReturn(after)))
                .flatMap(after -> multipliers.campaignsChanged().thenReturn(after));
    }

    private Mono<Campaign> updateAll(Viewer staff, Campaign before, CreateCampaignInput merged, Instant now) {
        if (before.status() == Campaign.Status.SCHEDULED && !merged.endsAt().isAfter(now)) {
            return Mono.error(BusinessException.invalid("endsAt", "已安排的活动结束时间需晚于现在"));
        }
        return validate(staff, merged)
                .flatMap(ok -> before.status() == Campaign.Status.SCHEDULED
                        ? withinCaps(staff, merged.benefit(), merged.points(), merged.budget()) : Mono.empty())
                .then(campaigns.updateAll(before.id(), before.status(), merged, now))
                .switchIfEmpty(Mono.error(() -> conflict(before.status())));
    }

    private Mono<Campaign> updateLive(Viewer staff, Campaign before, UpdateCampaignInput in, Instant now) {
        List<String> fixed = in.fixedOnceRunning(before);
        if (!fixed.isEmpty()) {
            return Mono.error(new BusinessException(UserError.onInput(fixed.get(0), ErrorCode.CAMPAIGN_STATUS_CONFLICT,
                    "活动已开始，只能修改名称、结束时间、预算和消息；对象、权益、开始时间和对照组不能再改")));
        }
        String name = in.name() == null ? before.name() : in.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            return Mono.error(BusinessException.invalid("name", "活动名称需为 1 到 64 个字符"));
        }
        Instant endsAt = in.endsAt() == null ? before.endsAt() : in.endsAt();
        if (in.endsAt() != null && (endsAt.isBefore(now) || !endsAt.isAfter(before.startsAt()))) {
            return Mono.error(BusinessException.invalid("endsAt", "结束时间不能早于现在，且需晚于开始时间"));
        }
        String message = in.message() == null ? before.message() : in.message().isBlank() ? null : in.message().strip();
        if (message != null && message.length() > MAX_MESSAGE) {
            return Mono.error(BusinessException.invalid("message", "活动消息最多 " + MAX_MESSAGE + " 个字"));
        }
        var channel = message == null ? null : in.messageChannel() != null ? in.messageChannel()
                : before.messageChannel() != null ? before.messageChannel() : Channel.SMS;
        if (channel != null && !MessageKind.MARKETING.mayGoBy(channel)) {
            return Mono.error(notBySubscribeMessage());
        }
        Long budget = in.budget() == null ? before.budget() : in.budget();
        if (budget == null || budget <= 0 || budget > MAX_BUDGET) {
            return Mono.error(BusinessException.invalid("budget", "预算需为 1 到 " + MAX_BUDGET));
        }
        return budgetUsed(before).flatMap(used -> used > budget
                        ? Mono.error(BusinessException.invalid("budget", "预算不能低于已使用的 " + used))
                        : withinCaps(staff, before.benefit(), before.points(), budget))
                .then(campaigns.updateLive(before.id(),
                        new CampaignRepository.LiveChanges(name, endsAt, budget, message, channel), now))
                .switchIfEmpty(Mono.error(() -> conflict(before.status())));
    }

    /** A campaign message is marketing: WeChat does not allow it as a one-time subscribe message. */
    private static BusinessException notBySubscribeMessage() {
        return BusinessException.invalid("messageChannel",
                "活动消息属于营销消息，不能通过微信一次性订阅消息发送，请选择短信（SMS）：只发给同意接收营销信息的会员");
    }

    private static BusinessException conflict(Campaign.Status was) {
        return new BusinessException(ErrorCode.CAMPAIGN_STATUS_CONFLICT, "活动状态刚刚变了（原为 " + was + "），请刷新后重试");
    }

    /** Points (POINTS) or packs / members (others) of the budget already used. */
    private Mono<Long> budgetUsed(Campaign c) {
        return c.benefit() == Campaign.Benefit.POINTS ? campaigns.pointsGiven(c.id())
                : Mono.zip(campaigns.reachedCount(c.id()), campaigns.grantCount(c.id()), Math::max);
    }

    /** Pauses a running campaign: while paused it gives nothing, multiplies nothing, runs no recurrence and sends no message. */
    public Mono<Campaign> pause(Viewer staff, Long campaignId) {
        return move(staff, campaignId, List.of(Campaign.Status.RUNNING), Campaign.Status.PAUSED, "PAUSE_CAMPAIGN",
                "只有进行中的活动可以暂停");
    }

    /** Resumes a paused campaign. */
    public Mono<Campaign> resume(Viewer staff, Long campaignId) {
        return move(staff, campaignId, List.of(Campaign.Status.PAUSED), Campaign.Status.RUNNING, "RESUME_CAMPAIGN",
                "只有已暂停的活动可以恢复");
    }

    /** Ends a campaign now, whatever its status but ENDED; coupons it issued stay valid. */
    public Mono<Campaign> end(Viewer staff, Long campaignId) {
        return move(staff, campaignId, List.of(Campaign.Status.DRAFT, Campaign.Status.SCHEDULED,
                Campaign.Status.RUNNING, Campaign.Status.PAUSED), Campaign.Status.ENDED, "END_CAMPAIGN", "活动已经结束了");
    }

    private Mono<Campaign> move(Viewer staff, Long campaignId, List<Campaign.Status> from, Campaign.Status to,
                                String action, String refusal) {
        Instant now = clock.instant();
        return existing(staff, campaignId).flatMap(before -> campaigns.move(staff.brandId(), before.id(), from, to, now)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("campaignId",
                        ErrorCode.CAMPAIGN_STATUS_CONFLICT, refusal + "（当前状态：" + label(before.status()) + "）"))))
                .flatMap(after -> audit.recordChange(staff, null, action,
                        AuditedChange.changed(SUBJECT, after.id(), before, after), after.name())
                        .then(after.status() == Campaign.Status.ENDED ? ended(after) : Mono.empty())
                        .thenReturn(after)));
    }

    /** Tells the others the campaign ended. */
    private Mono<Void> ended(Campaign campaign) {
        return Flux.fromStream(events::orderedStream).concatMap(e -> e.campaignEnded(campaign)).then();
    }

    private static String label(Campaign.Status status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case SCHEDULED -> "已安排";
            case RUNNING -> "进行中";
            case PAUSED -> "已暂停";
            case ENDED -> "已结束";
        };
    }

    /**
     * Launches a draft once. Starting in the future, it is SCHEDULED: the CAMPAIGNS job starts it at
     * its start time, fixing the audience then. Otherwise it starts now: the audience and control
     * group are recorded and the others get the benefit (one transaction per member) until the
     * budget is spent. A member who already holds the campaign's coupon up to its per-member limit
     * (or may not get it) is skipped and counted; the report says how many got it, were skipped,
     * and were left out by the budget. A POINTS campaign above the launcher's caps
     * (loyalty.staff-caps) is refused: an admin launches it.
     */
    public Mono<CampaignLaunch> launch(Viewer staff, long campaignId) {
        Instant now = clock.instant();
        return existing(staff, campaignId)
                .flatMap(c -> {
                    boolean later = c.startsAt().isAfter(now);
                    Campaign.Status status = later ? Campaign.Status.SCHEDULED : Campaign.Status.RUNNING;
                    return withinCaps(staff, c.benefit(), c.points(), c.budget())
                            .then(campaigns.markLaunched(c.id(), now, status))
                            // a multiplier counts from its first reached member on, on every instance
                            .flatMap(first -> multipliers.campaignsChanged().thenReturn(first))
                            .flatMap(first -> !first ? Mono.error(c.launchedAt() == null
                                    ? new BusinessException(ErrorCode.CAMPAIGN_STATUS_CONFLICT, "活动已结束，不能再启动")
                                    : new BusinessException(ErrorCode.CAMPAIGN_ALREADY_LAUNCHED, "活动已经启动过了"))
                                    : later ? Mono.just(CampaignLaunch.Counts.NONE)
                                    : start(c, now))
                            .flatMap(counts -> campaigns.find(staff.brandId(), c.id())
                                    .flatMap(launched -> audit.recordChange(staff, null,
                                                    later ? "SCHEDULE_CAMPAIGN" : "LAUNCH_CAMPAIGN",
                                                    AuditedChange.changed(SUBJECT, c.id(), c, launched),
                                                    c.name() + " " + counts)
                                            .thenReturn(new CampaignLaunch(launched, counts))));
                });
    }

    /**
     * Starts a campaign now marked RUNNING: records its audience (those without marketing consent
     * counted) and gives the treated the benefit; a birthday campaign gives its packs in each
     * member's birth month instead. A MONTHLY campaign's first run is for the month it starts in.
     */
    Mono<CampaignLaunch.Counts> start(Campaign c, Instant now) {
        if (c.kind() == Campaign.Kind.BIRTHDAY) {
            return campaigns.recordSkipped(c, now).then(campaigns.recordAudience(c, now))
                    .thenReturn(CampaignLaunch.Counts.NONE); // packs go out in each member's birth month
        }
        return run(c, now, period(c, now));
    }

    /** One run of the benefit for the period: the audience recomputed (new members split as before), the treated given it once. */
    private Mono<CampaignLaunch.Counts> run(Campaign c, Instant now, String period) {
        return campaigns.recordSkipped(c, now).then(campaigns.recordAudience(c, now))
                .then(budgetUsed(c))
                .flatMap(used -> campaigns.treatedNow(c, now).collectList()
                        .flatMap(treated -> deliver(c, treated, now, period, used)))
                .flatMap(counts -> c.monthly() ? campaigns.markPeriod(c.id(), period).thenReturn(counts)
                        : Mono.just(counts));
    }

    /** What the CAMPAIGNS job did in one pass. */
    record Sweep(long started, long ended, long monthlyRuns, long reached) {

        @Override
        public String toString() {
            return "started " + started + ", ended " + ended + ", monthly runs " + monthlyRuns + " (reached " + reached
                    + ")";
        }
    }

    /**
     * The CAMPAIGNS job's pass: scheduled campaigns whose start has come start, running ones whose
     * month has no run yet (from the 1st) run again, and those whose end has passed end. Each step
     * is idempotent: a campaign is moved once, and a benefit given once per member and period.
     */
    Mono<Sweep> sweep(Instant now) {
        AtomicLong reached = new AtomicLong();
        String month = YearMonth.from(now.atZone(brand.zone())).toString();
        return campaigns.startDue(now)
                .concatMap(c -> start(c, now).doOnNext(counts -> reached.addAndGet(counts.reached())))
                .count()
                .flatMap(started -> campaigns.monthlyDue(now, month)
                        .concatMap(c -> run(c, now, month).doOnNext(counts -> reached.addAndGet(counts.reached())))
                        .count()
                        .flatMap(monthly -> campaigns.endDue(now)
                                .concatMap(ended -> ended(ended).thenReturn(ended))
                                .count()
                                .map(ended -> new Sweep(started, ended, monthly, reached.get()))));
    }

    /** The period a benefit is given for: once, or the business month. */
    private String period(Campaign c, Instant now) {
        return c.monthly() ? YearMonth.from(now.atZone(brand.zone())).toString() : ONCE;
    }

    /** A POINTS campaign's points per member and budget within what the launcher may grant. */
    private Mono<Void> withinCaps(Viewer staff, Campaign.Benefit benefit, Long perMember, Long budget) {
        if (benefit != Campaign.Benefit.POINTS) {
            return Mono.empty();
        }
        StaffCapsProperties.Cap cap = caps.of(staff.role());
        if (perMember == null || perMember > cap.pointsPerGrant() || budget == null || budget > cap.campaignPoints()) {
            return Mono.error(new BusinessException(ErrorCode.POINTS_CAP_EXCEEDED, "活动每人 " + perMember
                    + " 积分、预算 " + budget + " 积分超出您的发放上限（每人 " + cap.pointsPerGrant() + "、每个活动 "
                    + cap.campaignPoints() + "），请由管理员启动"));
        }
        return Mono.empty();
    }

    private Mono<CampaignLaunch.Counts> deliver(Campaign c, List<Long> treated, Instant now, String period,
                                                long alreadyUsed) {
        long unit = c.benefit() == Campaign.Benefit.POINTS ? c.points() : 1;
        long budget = c.budget() == null ? Long.MAX_VALUE : c.budget();
        AtomicLong spent = new AtomicLong(alreadyUsed);
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
                    return campaigns.recordGrant(c.id(), member, period, now)
                            .flatMap(first -> !first ? Mono.just(false) // given already for this period
                                    : benefit(c, member, now, period)
                                            .then(campaigns.markReached(c.id(), member, now))
                                            .then(message(c, member, now, period))
                                            .thenReturn(true))
                            .as(tx::transactional)
                            .doOnNext(given -> {
                                if (given) {
                                    spent.addAndGet(unit);
                                    reached.incrementAndGet();
                                }
                            })
                            .then()
                            .onErrorResume(BusinessException.class, e -> {
                                (e.error().code() == ErrorCode.COUPON_LIMIT_REACHED ? holding : notEligible)
                                        .incrementAndGet();
                                return Mono.empty();
                            });
                })
                .then(Mono.fromCallable(() -> new CampaignLaunch.Counts(reached.get(), holding.get(), notEligible.get(),
                        overBudget.get(), spent.get() - alreadyUsed)));
    }

    private Mono<Void> benefit(Campaign c, long memberId, Instant now, String period) {
        if (c.benefit() == Campaign.Benefit.MULTIPLIER) {
            return Mono.empty(); // reaching the member is the benefit: their purchases in the window earn more
        }
        if (c.benefit() == Campaign.Benefit.COUPON_PACK) {
            return packs.issueForCampaign(c.brandId(), memberId, c.packId(), c.id()).then();
        }
        String key = "campaign:" + c.id() + ":" + memberId + (ONCE.equals(period) ? "" : ":" + period);
        return points.lock(memberId).then(points.credit(new NewEntry(c.brandId(), memberId, EntryKind.CAMPAIGN, null,
                null, null, null, c.name(), key, now), c.points(), points.expiryFor(now))).then();
    }

    /**
     * Queues the campaign's message to a member it reached (once per member and period), through
     * the outbox as purpose CAMPAIGN_SMS: marketing goes by SMS only (never as a WeChat subscribe
     * message). A member without a phone, or who withdrew marketing consent by the time it is sent,
     * is SKIPPED by the sender and counted in the stats.
     */
    private Mono<Void> message(Campaign c, long memberId, Instant now, String period) {
        if (c.message() == null) {
            return Mono.empty();
        }
        return outbox.enqueue(memberId, "CAMPAIGN_SMS", messageKeyPrefix(c.id()) + memberId + ":" + period,
                Map.of("campaign", c.name(), "message", c.message()), now).then();
    }

    /** The dedupe keys of a campaign's messages start with this. */
    static String messageKeyPrefix(long campaignId) {
        return "campaign:" + campaignId + ":";
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
                        campaigns.pointsGiven(c.id()), this::compare)
                        .zipWith(outbox.counts(messageKeyPrefix(c.id())), CampaignStats::withMessages));
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
                perControl, uplift, cost, roi, audience.skippedNoConsent(), 0, 0, 0, 0, 0);
    }

    /** The latest campaigns (at most {@code perMember}) each of these members was in, newest first, by member id. */
    public Mono<Map<Long, List<MemberCampaign>>> campaignsOf(java.util.Collection<Long> memberIds, int perMember) {
        if (memberIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return campaigns.campaignsOf(memberIds, perMember).collectList()
                .map(all -> all.stream().collect(java.util.stream.Collectors.groupingBy(MemberCampaign::memberId)));
    }
}

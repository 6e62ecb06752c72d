package com.loyalty.lottery;

import com.loyalty.audit.AuditedChange;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.coupon.CouponPrizes;
import com.loyalty.mall.MallPrizes;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lotteries as marketers run them: created as drafts with a first pool version, started, paused,
 * resumed and ended, changed with a new pool version from a chosen time (never changing draws
 * already made); every change in the audit trail with before and after. A lottery past its end time
 * reads ENDED at once (and can no longer be changed); the LOTTERY_END job records it as ENDED,
 * audited as done by the system.
 */
@Service
public class LotteryService {

    static final int MAX_TITLE = 64;
    static final int MAX_RULES = 2000;
    static final int MAX_PRIZE_NAME = 32;
    static final int MAX_PRIZES = 20;
    static final long MAX_COST = 1_000_000L;
    static final long MAX_PRIZE_POINTS = 1_000_000L;
    static final int MAX_STOCK = 1_000_000;
    static final int MAX_DAILY = 100;
    static final int MAX_TOTAL = 10_000;
    static final long MAX_BUDGET_POINTS = 1_000_000_000_000L;
    static final long MAX_BUDGET_COUPONS = 1_000_000_000L;
    /** The longest a lottery may run: two years. */
    static final Duration MAX_WINDOW = Duration.ofDays(731);
    static final String SUBJECT = "LOTTERY";
    private static final String CURSOR = "lottery";
    static final String NOTHING_NAME = "谢谢参与";

    private final LotteryRepository lotteries;
    private final CouponPrizes coupons;
    private final MallPrizes goods;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final TransactionalOperator tx;

    LotteryService(LotteryRepository lotteries, CouponPrizes coupons, MallPrizes goods, StaffAuditLog audit, Clock clock,
                   TransactionalOperator tx) {
        this.lotteries = lotteries;
        this.coupons = coupons;
        this.goods = goods;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** A lottery and its pool as the audit trail keeps them. */
    record Snapshot(Lottery lottery, List<Prize> pool) {
    }

    public Mono<Lottery> create(Viewer staff, CreateLotteryInput in) {
        Instant now = clock.instant();
        return validate(staff, in, true).flatMap(checked -> lotteries.insert(staff.brandId(), checked.settings(), staff.id(), now)
                        .flatMap(created -> addPool(created.id(), checked, now, staff, now)
                                .flatMap(pool -> audit.recordChange(staff, null, "CREATE_LOTTERY",
                                        AuditedChange.created(SUBJECT, created.id(), new Snapshot(created, pool)),
                                        created.title()).thenReturn(created))))
                .as(tx::transactional);
    }

    public Mono<Lottery> update(Viewer staff, UpdateLotteryInput in) {
        Instant now = clock.instant();
        return existing(staff, in.lotteryId()).flatMap(before -> {
            if (before.status() == Lottery.Status.ENDED) {
                return Mono.error(new BusinessException(UserError.onInput("lotteryId", ErrorCode.LOTTERY_STATUS_CONFLICT,
                        "抽奖活动已结束，不能再修改")));
            }
            boolean started = before.status() != Lottery.Status.DRAFT && !before.startsAt().isAfter(now);
            if (started && in.startsAt() != null && !in.startsAt().equals(before.startsAt())) {
                return Mono.error(new BusinessException(UserError.onInput("startsAt", ErrorCode.LOTTERY_STATUS_CONFLICT,
                        "抽奖已开始，开始时间不能再改")));
            }
            if (in.endsAt() != null && before.status() != Lottery.Status.DRAFT && in.endsAt().isBefore(now)) {
                return Mono.error(BusinessException.invalid("endsAt", "结束时间不能早于现在"));
            }
            Instant from = in.poolEffectiveFrom() == null ? now : in.poolEffectiveFrom();
            if (in.poolEffectiveFrom() != null && in.prizes() == null) {
                return Mono.error(BusinessException.invalid("poolEffectiveFrom", "只有修改奖池时才需要生效时间"));
            }
            if (from.isBefore(now.minusSeconds(1))) {
                return Mono.error(new BusinessException(UserError.onInput("poolEffectiveFrom",
                        ErrorCode.EFFECTIVE_TIME_IN_PAST, "新奖池只能从现在或以后生效，已抽的奖不受影响")));
            }
            CreateLotteryInput merged = in.mergedInto(before);
            return validate(staff, merged, in.prizes() != null)
                    .flatMap(checked -> checked.settings().budgetPoints() < before.pointsGiven()
                            || checked.settings().budgetCoupons() < before.couponsGiven()
                            ? Mono.error(BusinessException.invalid("budgetPoints", "预算不能低于已发放的 "
                                    + before.pointsGiven() + " 积分 / " + before.couponsGiven() + " 张券"))
                            : Mono.just(checked))
                    .flatMap(checked -> lotteries.updateSettings(before.id(), before.status(), checked.settings(), now)
                            .switchIfEmpty(Mono.error(() -> conflict(before.status())))
                            .flatMap(after -> (in.prizes() == null ? Mono.<List<Prize>>just(List.of())
                                    : addPool(after.id(), checked, from.isBefore(now) ? now : from, staff, now))
                                    .flatMap(pool -> lotteries.pools(List.of(before.id())).next()
                                            .map(PoolVersion::prizes).defaultIfEmpty(List.of())
                                            .flatMap(latest -> audit.recordChange(staff, null, "UPDATE_LOTTERY",
                                                    AuditedChange.changed(SUBJECT, after.id(), new Snapshot(before, null),
                                                            new Snapshot(after, in.prizes() == null ? null : latest)),
                                                    after.title())))
                                    .thenReturn(after)));
        }).as(tx::transactional);
    }

    public Mono<Lottery> start(Viewer staff, Long lotteryId) {
        return existing(staff, lotteryId).flatMap(before -> before.endsAt().isAfter(clock.instant())
                ? move(staff, before, List.of(Lottery.Status.DRAFT), Lottery.Status.RUNNING, "START_LOTTERY", "只有草稿可以开始")
                : Mono.error(BusinessException.invalid("endsAt", "结束时间已过，请先修改结束时间")));
    }

    public Mono<Lottery> pause(Viewer staff, Long lotteryId) {
        return existing(staff, lotteryId).flatMap(before -> move(staff, before, List.of(Lottery.Status.RUNNING),
                Lottery.Status.PAUSED, "PAUSE_LOTTERY", "只有进行中的抽奖可以暂停"));
    }

    public Mono<Lottery> resume(Viewer staff, Long lotteryId) {
        return existing(staff, lotteryId).flatMap(before -> move(staff, before, List.of(Lottery.Status.PAUSED),
                Lottery.Status.RUNNING, "RESUME_LOTTERY", "只有已暂停的抽奖可以恢复"));
    }

    public Mono<Lottery> end(Viewer staff, Long lotteryId) {
        return existing(staff, lotteryId).flatMap(before -> move(staff, before, List.of(Lottery.Status.DRAFT,
                Lottery.Status.RUNNING, Lottery.Status.PAUSED), Lottery.Status.ENDED, "END_LOTTERY", "抽奖已经结束了"));
    }

    private Mono<Lottery> move(Viewer staff, Lottery before, List<Lottery.Status> from, Lottery.Status to,
                               String action, String refusal) {
        if (before.status() == Lottery.Status.ENDED) {
            // past its end time: ended already, whether or not the job has recorded it
            return Mono.error(new BusinessException(UserError.onInput("lotteryId", ErrorCode.LOTTERY_STATUS_CONFLICT,
                    refusal + "（抽奖活动已结束）")));
        }
        return lotteries.move(staff.brandId(), before.id(), from, to, clock.instant())
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("lotteryId",
                        ErrorCode.LOTTERY_STATUS_CONFLICT, refusal + "（当前状态：" + before.status() + "）"))))
                .flatMap(after -> audit.recordChange(staff, null, action,
                        AuditedChange.changed(SUBJECT, after.id(), before, after), after.title()).thenReturn(after));
    }

    /** The lottery with its status as of now (past its end time: ENDED). */
    public Mono<Lottery> find(Viewer staff, long id) {
        Instant now = clock.instant();
        return lotteries.find(staff.brandId(), id).map(l -> l.asOf(now));
    }

    /** The brand's lotteries newest first, narrowed by their status as of now (past its end time: ENDED). */
    public Mono<Pages.Page<Lottery>> list(Viewer staff, Lottery.Status status, Integer first, String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR);
        Instant now = clock.instant();
        return lotteries.count(staff.brandId(), status, now)
                .zipWith(lotteries.page(staff.brandId(), status, now, before, size + 1).map(l -> l.asOf(now)).collectList(),
                        (total, rows) -> Pages.of(rows, size, Lottery::id, CURSOR, after != null, total));
    }

    /** Lotteries ended per pass of {@link #endPastTheirEnd}; the job takes passes until none is left. */
    private static final int END_BATCH = 100;

    /**
     * The LOTTERY_END job's work: every RUNNING or PAUSED lottery whose end time has passed is
     * recorded as ENDED, each in its own transaction with its audit entry (done by the system). A
     * lottery another instance or a marketer ended meanwhile is left alone; the count of those ended here.
     */
    Mono<Long> endPastTheirEnd(Instant now) {
        return lotteries.pastTheirEnd(now, END_BATCH)
                .concatMap(before -> lotteries.endIfPast(before.id(), now)
                        .flatMap(after -> audit.recordSystemChange(after.brandId(), "END_LOTTERY",
                                AuditedChange.changed(SUBJECT, after.id(), before, after),
                                after.title() + "：已过结束时间，由系统自动结束").thenReturn(1L))
                        .as(tx::transactional)
                        .defaultIfEmpty(0L))
                .collectList()
                .flatMap(done -> {
                    long n = done.stream().mapToLong(Long::longValue).sum();
                    return done.size() < END_BATCH || n == 0 ? Mono.just(n) : endPastTheirEnd(now).map(more -> n + more);
                });
    }

    /** The totals of these lotteries (one query). */
    public Mono<Map<Lottery, LotteryTotals>> totals(List<Lottery> list) {
        return lotteries.drawSums(list.stream().map(Lottery::id).toList())
                .collectMap(LotteryRepository.DrawSums::lotteryId)
                .map(sums -> list.stream().collect(Collectors.toMap(Function.identity(), l -> {
                    LotteryRepository.DrawSums s = sums.getOrDefault(l.id(), new LotteryRepository.DrawSums(l.id(), 0, 0, 0));
                    return new LotteryTotals(s.draws(), s.pointsTaken(), s.prizesGiven(),
                            l.budgetPoints() - l.pointsGiven(), l.budgetCoupons() - l.couponsGiven());
                })));
    }

    /** The pool versions of these lotteries, newest first (two queries). */
    public Mono<Map<Lottery, List<PoolVersion>>> pools(List<Lottery> list) {
        return lotteries.pools(list.stream().map(Lottery::id).toList()).collectMultimap(PoolVersion::lotteryId)
                .map(byId -> list.stream().collect(Collectors.toMap(Function.identity(),
                        l -> List.copyOf(byId.getOrDefault(l.id(), List.of())))));
    }

    public Flux<LotteryDraw> recentDraws(Lottery lottery, Integer first) {
        return lotteries.recentDraws(lottery.id(), Pages.size(first));
    }

    /** The brand's lottery with its status as of now, or LOTTERY_NOT_FOUND. */
    private Mono<Lottery> existing(Viewer staff, Long lotteryId) {
        Instant now = clock.instant();
        return (lotteryId == null ? Mono.<Lottery>empty() : lotteries.find(staff.brandId(), lotteryId).map(l -> l.asOf(now)))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("lotteryId",
                        ErrorCode.LOTTERY_NOT_FOUND, "抽奖活动不存在"))));
    }

    private static BusinessException conflict(Lottery.Status was) {
        return new BusinessException(ErrorCode.LOTTERY_STATUS_CONFLICT, "抽奖状态刚刚变了（原为 " + was + "），请刷新后重试");
    }

    /** Settings with their text trimmed, and the prizes with their names and NOTHING's share worked out. */
    record Checked(CreateLotteryInput settings, List<CheckedPrize> prizes) {
    }

    record CheckedPrize(PrizeInput input, String name, int probabilityBp) {
    }

    private Mono<List<Prize>> addPool(long lotteryId, Checked checked, Instant from, Viewer staff, Instant now) {
        return lotteries.insertPool(lotteryId, from, staff.id(), now)
                .flatMapMany(pool -> Flux.range(0, checked.prizes().size()).concatMap(i -> {
                    CheckedPrize p = checked.prizes().get(i);
                    return lotteries.insertPrize(pool.id(), i, p.input(), p.name(), p.probabilityBp());
                }))
                .collectList();
    }

    /**
     * The rules a lottery's fields follow, for a new lottery and a change alike: the input trimmed
     * when they hold, INVALID_INPUT on the first field that breaks one (COUPON_NOT_FOUND or
     * COUPON_ARCHIVED for a coupon that cannot be a prize; MALL_GOODS_NOT_FOUND, MALL_NOT_ON_SALE or
     * MALL_GOODS_NOT_A_PRIZE for goods that cannot be one).
     */
    private Mono<Checked> validate(Viewer staff, CreateLotteryInput in, boolean withPrizes) {
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE || hasControl(title)) {
            return Mono.error(BusinessException.invalid("title", "标题需为 1 到 " + MAX_TITLE + " 个字，不能含换行或控制字符"));
        }
        String rules = in.rulesText() == null ? "" : in.rulesText().strip();
        if (rules.isEmpty() || rules.length() > MAX_RULES) {
            return Mono.error(BusinessException.invalid("rulesText", "活动规则需为 1 到 " + MAX_RULES + " 个字"));
        }
        if (in.startsAt() == null || in.endsAt() == null || !in.startsAt().isBefore(in.endsAt())) {
            return Mono.error(BusinessException.invalid("endsAt", "结束时间需晚于开始时间"));
        }
        if (in.endsAt().isAfter(clock.instant().plus(MAX_WINDOW).plus(MAX_WINDOW))) {
            return Mono.error(BusinessException.invalid("endsAt", "结束时间最晚为四年以内"));
        }
        if (Duration.between(in.startsAt(), in.endsAt()).compareTo(MAX_WINDOW) > 0) {
            return Mono.error(BusinessException.invalid("endsAt", "抽奖活动最长两年"));
        }
        if (in.costPoints() == null || in.costPoints() < 0 || in.costPoints() > MAX_COST) {
            return Mono.error(BusinessException.invalid("costPoints", "每次抽奖消耗的积分需为 0 到 " + MAX_COST));
        }
        if (in.dailyLimit() == null || in.dailyLimit() < 1 || in.dailyLimit() > MAX_DAILY) {
            return Mono.error(BusinessException.invalid("dailyLimit", "每人每天抽奖次数需为 1 到 " + MAX_DAILY));
        }
        if (in.totalLimit() != null && (in.totalLimit() < 1 || in.totalLimit() > MAX_TOTAL)) {
            return Mono.error(BusinessException.invalid("totalLimit", "每人总抽奖次数需为 1 到 " + MAX_TOTAL + "，或不填"));
        }
        if (in.budgetPoints() == null || in.budgetPoints() < 0 || in.budgetPoints() > MAX_BUDGET_POINTS) {
            return Mono.error(BusinessException.invalid("budgetPoints", "积分预算需为 0 到 " + MAX_BUDGET_POINTS));
        }
        if (in.budgetCoupons() == null || in.budgetCoupons() < 0 || in.budgetCoupons() > MAX_BUDGET_COUPONS) {
            return Mono.error(BusinessException.invalid("budgetCoupons", "优惠券预算需为 0 到 " + MAX_BUDGET_COUPONS));
        }
        CreateLotteryInput settings = new CreateLotteryInput(title, rules, in.startsAt(), in.endsAt(), in.costPoints(),
                in.dailyLimit(), in.totalLimit(), in.budgetPoints(), in.budgetCoupons(), in.prizes());
        if (!withPrizes) {
            return Mono.just(new Checked(settings, List.of()));
        }
        return checkPrizes(staff, in.prizes()).map(prizes -> new Checked(settings, prizes));
    }

    private Mono<List<CheckedPrize>> checkPrizes(Viewer staff, List<PrizeInput> prizes) {
        if (prizes == null || prizes.isEmpty() || prizes.size() > MAX_PRIZES) {
            return Mono.error(BusinessException.invalid("prizes", "奖池需有 1 到 " + MAX_PRIZES + " 个奖项"));
        }
        long nothings = prizes.stream().filter(p -> p.kind() == Prize.Kind.NOTHING).count();
        if (nothings > 1) {
            return Mono.error(BusinessException.invalid("prizes", "「谢谢参与」只能有一项"));
        }
        int sum = 0;
        for (PrizeInput p : prizes) {
            String problem = problem(p);
            if (problem != null) {
                return Mono.error(BusinessException.invalid("prizes", problem));
            }
            if (p.kind() != Prize.Kind.NOTHING) {
                sum += p.probabilityBp();
            }
        }
        if (sum > LotteryPicker.SCALE) {
            return Mono.error(BusinessException.invalid("prizes", "各奖项的中奖概率之和为 " + sum
                    + "（万分之），超过了 10000（100%）"));
        }
        if (nothings == 0 && sum != LotteryPicker.SCALE) {
            return Mono.error(BusinessException.invalid("prizes", "各奖项的中奖概率之和为 " + sum
                    + "（万分之），需为 10000，或加入「谢谢参与」承接剩下的概率"));
        }
        int nothingShare = LotteryPicker.SCALE - sum;
        return Flux.fromIterable(prizes).concatMap(p -> switch (p.kind()) {
                    case COUPON -> coupons.requirePrize(staff.brandId(), p.couponTemplateId(), "prizes")
                            .map(templateName -> new CheckedPrize(p, name(p, templateName), p.probabilityBp()));
                    case GOODS -> goods.requirePrize(staff.brandId(), p.goodsId(), "prizes")
                            .map(goodsName -> new CheckedPrize(p, name(p, goodsName), p.probabilityBp()));
                    case POINTS -> Mono.just(new CheckedPrize(p, name(p, p.points() + " 积分"), p.probabilityBp()));
                    case NOTHING -> Mono.just(new CheckedPrize(p, name(p, NOTHING_NAME), nothingShare));
                })
                .collectList();
    }

    private static String name(PrizeInput p, String otherwise) {
        return p.name() == null || p.name().isBlank() ? otherwise : p.name().strip();
    }

    /** What is wrong with one prize as given; null when nothing is. */
    static String problem(PrizeInput p) {
        if (p.kind() == null) {
            return "请选择奖项类型";
        }
        if (p.name() != null && (p.name().strip().length() > MAX_PRIZE_NAME || hasControl(p.name()))) {
            return "奖项名称最多 " + MAX_PRIZE_NAME + " 个字，不能含换行或控制字符";
        }
        if (p.probabilityBp() == null || p.probabilityBp() < 0 || p.probabilityBp() > LotteryPicker.SCALE) {
            return "中奖概率需为 0 到 10000（万分之）";
        }
        if (p.kind() == Prize.Kind.NOTHING) {
            return null;
        }
        if (p.stock() == null || p.stock() < 0 || p.stock() > MAX_STOCK) {
            return "奖品库存需为 0 到 " + MAX_STOCK;
        }
        if (p.kind() == Prize.Kind.POINTS && (p.points() == null || p.points() < 1 || p.points() > MAX_PRIZE_POINTS)) {
            return "积分奖品需为 1 到 " + MAX_PRIZE_POINTS + " 积分";
        }
        if (p.kind() == Prize.Kind.COUPON && p.couponTemplateId() == null) {
            return "请选择作为奖品的优惠券";
        }
        if (p.kind() == Prize.Kind.GOODS && p.goodsId() == null) {
            return "请选择作为奖品的积分商城商品";
        }
        return null;
    }

    static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

}

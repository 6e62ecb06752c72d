package com.loyalty.lottery;

import com.loyalty.coupon.CouponPrizes;
import com.loyalty.mall.MallPrizes;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A member's draws. One transaction under the member's points lock (so that a member's draws, their
 * limits and their idempotency keys are taken one at a time): the cost through the ledger, the pick
 * with a SecureRandom against the pool version in force, the prize's unit and the budget taken by
 * conditional updates (none left: 谢谢参与), the prize given (points credited, a coupon issued by
 * the coupon module, a goods item given by the mall module as a redemption at 0 points), and the draw
 * recorded with its pool version, random value and what it gave. A prize the coupon or mall module
 * refuses (sold out, paused, archived) gives back the prize's unit and falls to 谢谢参与; since the
 * draw and the prize are one transaction, there is never a prize without its draw, and a repeated
 * key returns the first draw without giving anything again.
 */
@Service
class LotteryDrawService {

    private final LotteryRepository lotteries;
    private final PointsService points;
    private final CouponPrizes coupons;
    private final MallPrizes goods;
    private final BrandProperties brand;
    private final Clock clock;
    private final TransactionalOperator tx;
    private final RandomGenerator random = new SecureRandom();

    LotteryDrawService(LotteryRepository lotteries, PointsService points, CouponPrizes coupons, MallPrizes goods,
                       BrandProperties brand, Clock clock, TransactionalOperator tx) {
        this.lotteries = lotteries;
        this.points = points;
        this.coupons = coupons;
        this.goods = goods;
        this.brand = brand;
        this.clock = clock;
        this.tx = tx;
    }

    /** The pick of one draw against a pool, with the random generator given (the server's SecureRandom in draws). */
    static LotteryPicker.Pick pick(List<Prize> pool, RandomGenerator random) {
        return LotteryPicker.pick(pool, random);
    }

    public Mono<DrawLotteryPayload> draw(Viewer member, DrawLotteryInput in) {
        String key = in.idempotencyKey() == null ? "" : in.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) {
            return Mono.error(BusinessException.invalid("idempotencyKey", "需要 1 到 100 个字符的幂等键"));
        }
        return lottery(member, in.lotteryId())
                .flatMap(found -> points.lock(member.id())
                        .flatMap(balance -> lotteries.drawByKey(member.id(), key)
                                .map(first -> new DrawLotteryPayload(first, balance, true, List.of()))
                                // the lottery as it is now, read under the lock
                                .switchIfEmpty(Mono.defer(() -> lotteries.find(member.brandId(), found.id())
                                        .flatMap(lottery -> drawNew(member, lottery, key, balance)))))
                        .as(tx::transactional));
    }

    private Mono<DrawLotteryPayload> drawNew(Viewer member, Lottery lottery, String key, long balance) {
        Instant now = clock.instant();
        if (lottery.status() == Lottery.Status.PAUSED) {
            return Mono.error(new BusinessException(ErrorCode.LOTTERY_PAUSED, "抽奖活动已暂停，请稍后再来"));
        }
        if (!lottery.openAt(now)) {
            return Mono.error(new BusinessException(ErrorCode.LOTTERY_NOT_RUNNING,
                    now.isBefore(lottery.startsAt()) && lottery.status() == Lottery.Status.RUNNING ? "抽奖活动还没开始"
                            : lottery.statusAt(now) == Lottery.Status.ENDED ? "抽奖活动已结束" : "抽奖活动未在进行中"));
        }
        LocalDate today = brand.today(clock);
        return lotteries.drawCounts(lottery.id(), member.id(), today).flatMap(counts -> {
            if (counts.today() >= lottery.dailyLimit()) {
                return Mono.error(new BusinessException(ErrorCode.LOTTERY_DAILY_LIMIT,
                        "今天的 " + lottery.dailyLimit() + " 次抽奖机会已用完，明天再来"));
            }
            if (lottery.totalLimit() != null && counts.total() >= lottery.totalLimit()) {
                return Mono.error(new BusinessException(ErrorCode.LOTTERY_TOTAL_LIMIT,
                        "本次活动的 " + lottery.totalLimit() + " 次抽奖机会已用完"));
            }
            return lotteries.poolAt(lottery.id(), now).flatMap(pool -> pay(member, lottery, key, now)
                    .then(Mono.defer(() -> {
                        LotteryPicker.Pick pick = pick(pool.prizes(), random);
                        return give(member, lottery, pick.prize(), key, now).flatMap(won -> lotteries.insertDraw(
                                new LotteryRepository.NewDraw(lottery.id(), pool.id(), member.id(), key, today,
                                        pick.value(), pick.prize() == null ? null : pick.prize().id(),
                                        won.prize() == null ? null : won.prize().id(), lottery.costPoints(),
                                        won.points(), won.couponId(), won.redemptionId(), now)))
                                .flatMap(lotteries::draw)
                                .map(draw -> new DrawLotteryPayload(draw, balance - lottery.costPoints() + draw.pointsWon(),
                                        false, List.of()));
                    })));
        });
    }

    private Mono<Void> pay(Viewer member, Lottery lottery, String key, Instant now) {
        if (lottery.costPoints() == 0) {
            return Mono.empty();
        }
        return points.debit(new NewEntry(member.brandId(), member.id(), EntryKind.LOTTERY_DRAW, null, null, null, null,
                "抽奖「" + lottery.title() + "」", "lottery:" + lottery.id() + ":" + key, now), lottery.costPoints(),
                null, false).then();
    }

    /** What the member got: the prize (null: 谢谢参与), the points, the coupon or the mall redemption it gave. */
    private record Won(Prize prize, long points, Long couponId, Long redemptionId) {
        static final Won NOTHING = new Won(null, 0, null, null);
    }

    /**
     * Gives the prize the pick landed on: its unit and the budget first, by conditional updates; when
     * either is gone, or the coupon module refuses the coupon (sold out, over its own limit), or the
     * mall refuses the goods (out of stock, paused, archived), the unit (and budget) go back: 谢谢参与.
     */
    private Mono<Won> give(Viewer member, Lottery lottery, Prize prize, String key, Instant now) {
        if (prize == null || prize.kind() == Prize.Kind.NOTHING) {
            return Mono.just(Won.NOTHING);
        }
        long pointsOut = prize.kind() == Prize.Kind.POINTS ? prize.points() : 0;
        long couponsOut = prize.kind() == Prize.Kind.COUPON ? 1 : 0;
        return lotteries.takeStock(prize.id())
                .flatMap(taken -> lotteries.takeBudget(lottery.id(), pointsOut, couponsOut)
                        .switchIfEmpty(lotteries.giveBackStock(prize.id()).then(Mono.empty())))
                .flatMap(budgeted -> switch (prize.kind()) {
                    case POINTS -> points.credit(new NewEntry(member.brandId(), member.id(), EntryKind.LOTTERY_PRIZE, null,
                                    null, null, null, "抽奖「" + lottery.title() + "」中奖：" + prize.name(),
                                    "lottery-prize:" + lottery.id() + ":" + key, now), prize.points(), points.expiryFor(now))
                            .thenReturn(new Won(prize, prize.points(), null, null));
                    case COUPON -> coupons.issuePrize(member.brandId(), member.id(), prize.couponTemplateId(),
                                    lottery.id() + ":" + key)
                            .map(couponId -> new Won(prize, 0, couponId, null))
                            .onErrorResume(BusinessException.class, refused -> lotteries.giveBackStock(prize.id())
                                    .then(lotteries.giveBackBudget(lottery.id(), 0, 1)).thenReturn(Won.NOTHING));
                    case GOODS -> goods.issuePrize(member.brandId(), member.id(), prize.goodsId(), "lottery:" + lottery.id() + ":" + key)
                            .map(redemptionId -> new Won(prize, 0, null, redemptionId))
                            .onErrorResume(BusinessException.class, refused -> lotteries.giveBackStock(prize.id())
                                    .thenReturn(Won.NOTHING));
                    case NOTHING -> Mono.just(Won.NOTHING);
                })
                .defaultIfEmpty(Won.NOTHING);
    }

    /** The brand's lottery, or LOTTERY_NOT_FOUND (a draft is not found by members). */
    private Mono<Lottery> lottery(Viewer member, Long id) {
        return (id == null ? Mono.<Lottery>empty() : lotteries.find(member.brandId(), id))
                .filter(l -> l.status() != Lottery.Status.DRAFT)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("lotteryId",
                        ErrorCode.LOTTERY_NOT_FOUND, "抽奖活动不存在"))));
    }

    /** The lottery as the member sees it (the newest one open now when no id is given); empty for none or a draft. */
    public Mono<MemberLottery> forMember(Viewer member, Long id) {
        Instant now = clock.instant();
        Mono<Lottery> which = id == null ? lotteries.current(member.brandId(), now)
                : lotteries.find(member.brandId(), id).filter(l -> l.status() != Lottery.Status.DRAFT);
        return which.flatMap(lottery -> lotteries.poolAt(lottery.id(), now)
                .flatMap(pool -> goods.available(member.brandId(), pool.prizes().stream().map(Prize::goodsId)
                                .filter(java.util.Objects::nonNull).toList())
                        .map(available -> odds(lottery, pool.prizes(), available)))
                .zipWith(lotteries.drawCounts(lottery.id(), member.id(), brand.today(clock)), (odds, counts) -> {
                    long left = lottery.dailyLimit() - counts.today();
                    if (lottery.totalLimit() != null) {
                        left = Math.min(left, lottery.totalLimit() - counts.total());
                    }
                    boolean open = lottery.openAt(now);
                    return new MemberLottery(lottery.id(), lottery.title(), lottery.rulesText(), lottery.statusAt(now),
                            lottery.startsAt(), lottery.endsAt(), lottery.costPoints(), lottery.dailyLimit(),
                            lottery.totalLimit(), open ? (int) Math.max(0, left) : 0, odds);
                }));
    }

    /** The prizes and their probabilities as members see them, 谢谢参与 last with what the others leave. */
    static List<MemberLottery.Odds> odds(Lottery lottery, List<Prize> pool) {
        return odds(lottery, pool, java.util.Set.of());
    }

    /**
     * As {@link #odds(Lottery, List)}, with the goods of GOODS prizes that the mall can give now
     * ({@code availableGoods}): a GOODS prize whose goods are sold out, paused or archived reads out of stock.
     */
    static List<MemberLottery.Odds> odds(Lottery lottery, List<Prize> pool, java.util.Set<Long> availableGoods) {
        List<MemberLottery.Odds> odds = new java.util.ArrayList<>(pool.stream()
                .filter(p -> p.kind() != Prize.Kind.NOTHING)
                .map(p -> new MemberLottery.Odds(p.kind(), p.name(), p.points(), p.probabilityBp(),
                        percent(p.probabilityBp()), p.inStock() && lottery.budgetAllows(p)
                        && (p.kind() != Prize.Kind.GOODS || availableGoods.contains(p.goodsId()))))
                .toList());
        String nothingName = pool.stream().filter(p -> p.kind() == Prize.Kind.NOTHING).map(Prize::name).findFirst()
                .orElse(LotteryService.NOTHING_NAME);
        int rest = LotteryPicker.nothingShare(pool);
        odds.add(new MemberLottery.Odds(Prize.Kind.NOTHING, nothingName, null, rest, percent(rest), true));
        return odds;
    }

    /** Basis points as a percentage with two decimals: 50 → 0.50%. */
    static String percent(int basisPoints) {
        return String.format(Locale.ROOT, "%d.%02d%%", basisPoints / 100, basisPoints % 100);
    }

    public Mono<Pages.Page<LotteryDraw>> myDraws(Viewer member, Integer first, String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, "lottery-draw");
        return lotteries.memberDrawCount(member.id())
                .zipWith(lotteries.memberDraws(member.id(), before, size + 1).collectList(),
                        (total, rows) -> Pages.of(rows, size, LotteryDraw::id, "lottery-draw", after != null, total));
    }
}

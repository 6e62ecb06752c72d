package com.loyalty.lottery;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for lotteries, their pool versions and prizes, and the draws. */
@Repository
class LotteryRepository {

    private final DatabaseClient db;

    LotteryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The draw as members and auditors read it: its lottery's title, pool version and prize. */
    private static final String DRAW = """
            select d.*, l.title, p.version, z.kind as prize_kind, z.name as prize_name
            from lottery_draw d
            join lottery l on l.id = d.lottery_id
            join lottery_pool p on p.id = d.pool_id
            left join lottery_prize z on z.id = d.prize_id
            """;

    Mono<Lottery> insert(long brandId, CreateLotteryInput in, long staffId, Instant at) {
        return db.sql("""
                        insert into lottery (brand_id, title, rules_text, starts_at, ends_at, cost_points, daily_limit,
                            total_limit, budget_points, budget_coupons, status, created_by, created_at, updated_at)
                        values (:brand, :title, :rules, :starts, :ends, :cost, :daily, :total, :bp, :bc, 'DRAFT', :by, :at, :at)
                        returning *
                        """)
                .bind("brand", brandId).bind("title", in.title()).bind("rules", in.rulesText())
                .bind("starts", in.startsAt()).bind("ends", in.endsAt()).bind("cost", in.costPoints())
                .bind("daily", in.dailyLimit()).bind("total", Parameter.fromOrEmpty(in.totalLimit(), Integer.class))
                .bind("bp", in.budgetPoints()).bind("bc", in.budgetCoupons()).bind("by", staffId).bind("at", at)
                .map(LotteryRepository::toLottery).one();
    }

    /** Changes the settings while the lottery is still in {@code status}; empty when it moved meanwhile. */
    Mono<Lottery> updateSettings(long id, Lottery.Status status, CreateLotteryInput in, Instant at) {
        return db.sql("""
                        update lottery set title = :title, rules_text = :rules, starts_at = :starts, ends_at = :ends,
                            cost_points = :cost, daily_limit = :daily, total_limit = :total, budget_points = :bp,
                            budget_coupons = :bc, updated_at = :at
                        where id = :id and status = :status
                          and points_given <= :bp and coupons_given <= :bc
                        returning *
                        """)
                .bind("id", id).bind("status", status.name()).bind("title", in.title()).bind("rules", in.rulesText())
                .bind("starts", in.startsAt()).bind("ends", in.endsAt()).bind("cost", in.costPoints())
                .bind("daily", in.dailyLimit()).bind("total", Parameter.fromOrEmpty(in.totalLimit(), Integer.class))
                .bind("bp", in.budgetPoints()).bind("bc", in.budgetCoupons()).bind("at", at)
                .map(LotteryRepository::toLottery).one();
    }

    Mono<Lottery> move(long brandId, long id, List<Lottery.Status> from, Lottery.Status to, Instant at) {
        return db.sql("""
                        update lottery set status = :to, updated_at = :at
                        where brand_id = :brand and id = :id and status = any(:from)
                        returning *
                        """)
                .bind("brand", brandId).bind("id", id).bind("to", to.name()).bind("at", at)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new))
                .map(LotteryRepository::toLottery).one();
    }

    /** Records the lottery as ENDED if it is still RUNNING or PAUSED past its end time; empty otherwise. */
    Mono<Lottery> endIfPast(long id, Instant now) {
        return db.sql("""
                        update lottery set status = 'ENDED', updated_at = :now
                        where id = :id and status in ('RUNNING', 'PAUSED') and ends_at <= :now
                        returning *
                        """)
                .bind("id", id).bind("now", now).map(LotteryRepository::toLottery).one();
    }

    Mono<Lottery> find(long brandId, long id) {
        return db.sql("select * from lottery where brand_id = :brand and id = :id")
                .bind("brand", brandId).bind("id", id).map(LotteryRepository::toLottery).one();
    }

    /** The newest lottery of the brand that is RUNNING or PAUSED and whose window holds {@code at}. */
    Mono<Lottery> current(long brandId, Instant at) {
        return db.sql("""
                        select * from lottery where brand_id = :brand and status in ('RUNNING', 'PAUSED')
                          and starts_at <= :at and ends_at > :at
                        order by id desc limit 1
                        """)
                .bind("brand", brandId).bind("at", at).map(LotteryRepository::toLottery).one();
    }

    /** The status as of :now (see {@link Lottery#statusAt}): past its end a running or paused lottery reads ENDED. */
    private static final String STATUS_AT = """
            (case when status in ('RUNNING', 'PAUSED') and ends_at <= :now then 'ENDED' else status end)""";

    /** The brand's lotteries newest first, narrowed to those whose status as of {@code now} is {@code status}. */
    Flux<Lottery> page(long brandId, Lottery.Status status, Instant now, Long beforeId, int limit) {
        return db.sql("select * from lottery where brand_id = :brand and (:status::text is null or " + STATUS_AT
                        + " = :status) and (:before::bigint is null or id < :before) order by id desc limit :limit")
                .bind("brand", brandId).bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .bind("now", now).bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(LotteryRepository::toLottery).all();
    }

    Mono<Long> count(long brandId, Lottery.Status status, Instant now) {
        return db.sql("select count(*) from lottery where brand_id = :brand and (:status::text is null or " + STATUS_AT
                        + " = :status)")
                .bind("brand", brandId).bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .bind("now", now).mapValue(Long.class).one();
    }

    /** Lotteries of every brand still RUNNING or PAUSED whose end time has passed, oldest end first. */
    Flux<Lottery> pastTheirEnd(Instant now, int limit) {
        return db.sql("""
                        select * from lottery where status in ('RUNNING', 'PAUSED') and ends_at <= :now
                        order by ends_at, id limit :limit
                        """)
                .bind("now", now).bind("limit", limit).map(LotteryRepository::toLottery).all();
    }

    /** Adds the next pool version of the lottery, effective from {@code from}; its id and number. */
    Mono<PoolVersion> insertPool(long lotteryId, Instant from, long staffId, Instant at) {
        return db.sql("""
                        insert into lottery_pool (lottery_id, version, effective_from, created_by, created_at)
                        select :lottery, coalesce(max(version), 0) + 1, :from, :by, :at from lottery_pool where lottery_id = :lottery
                        returning *
                        """)
                .bind("lottery", lotteryId).bind("from", from).bind("by", staffId).bind("at", at)
                .map(row -> new PoolVersion(row.get("id", Long.class), lotteryId, row.get("version", Integer.class),
                        row.get("effective_from", Instant.class), row.get("created_at", Instant.class), List.of()))
                .one();
    }

    Mono<Prize> insertPrize(long poolId, int position, PrizeInput p, String name, int probabilityBp) {
        return db.sql("""
                        insert into lottery_prize (pool_id, position, kind, name, points, coupon_template_id,
                            probability_bp, stock, remaining, goods_id)
                        values (:pool, :position, :kind, :name, :points, :template, :bp, :stock, :stock, :goods)
                        returning *
                        """)
                .bind("pool", poolId).bind("position", position).bind("kind", p.kind().name()).bind("name", name)
                .bind("points", Parameter.fromOrEmpty(p.kind() == Prize.Kind.POINTS ? p.points() : null, Long.class))
                .bind("template", Parameter.fromOrEmpty(p.kind() == Prize.Kind.COUPON ? p.couponTemplateId() : null, Long.class))
                .bind("goods", Parameter.fromOrEmpty(p.kind() == Prize.Kind.GOODS ? p.goodsId() : null, Long.class))
                .bind("bp", probabilityBp)
                .bind("stock", Parameter.fromOrEmpty(p.kind() == Prize.Kind.NOTHING ? null : p.stock(), Integer.class))
                .map(LotteryRepository::toPrize).one();
    }

    /** The pool version in force at {@code at}: the highest version effective by then. */
    Mono<PoolVersion> poolAt(long lotteryId, Instant at) {
        return db.sql("""
                        select * from lottery_pool where lottery_id = :lottery and effective_from <= :at
                        order by version desc limit 1
                        """)
                .bind("lottery", lotteryId).bind("at", at)
                .map(row -> new PoolVersion(row.get("id", Long.class), lotteryId, row.get("version", Integer.class),
                        row.get("effective_from", Instant.class), row.get("created_at", Instant.class), List.of()))
                .one()
                .flatMap(pool -> prizes(List.of(pool.id())).collectList().map(prizes -> new PoolVersion(pool.id(),
                        lotteryId, pool.version(), pool.effectiveFrom(), pool.createdAt(), prizes)));
    }

    /** Every pool version of these lotteries with its prizes, newest first (two queries). */
    Flux<PoolVersion> pools(Collection<Long> lotteryIds) {
        return db.sql("select * from lottery_pool where lottery_id = any(:ids) order by lottery_id, version desc")
                .bind("ids", lotteryIds.toArray(Long[]::new))
                .map(row -> new PoolVersion(row.get("id", Long.class), row.get("lottery_id", Long.class),
                        row.get("version", Integer.class), row.get("effective_from", Instant.class),
                        row.get("created_at", Instant.class), List.of()))
                .all().collectList()
                .flatMapMany(pools -> prizes(pools.stream().map(PoolVersion::id).toList()).collectMultimap(Prize::poolId)
                        .flatMapMany(prizes -> Flux.fromIterable(pools).map(p -> new PoolVersion(p.id(), p.lotteryId(),
                                p.version(), p.effectiveFrom(), p.createdAt(),
                                List.copyOf(prizes.getOrDefault(p.id(), List.of()))))));
    }

    private Flux<Prize> prizes(Collection<Long> poolIds) {
        return db.sql("select * from lottery_prize where pool_id = any(:ids) order by pool_id, position")
                .bind("ids", poolIds.toArray(Long[]::new)).map(LotteryRepository::toPrize).all();
    }

    /** Takes one unit of the prize; empty when none is left. */
    Mono<Long> takeStock(long prizeId) {
        return db.sql("update lottery_prize set remaining = remaining - 1 where id = :id and remaining > 0 returning id")
                .bind("id", prizeId).mapValue(Long.class).one();
    }

    Mono<Void> giveBackStock(long prizeId) {
        return db.sql("update lottery_prize set remaining = remaining + 1 where id = :id").bind("id", prizeId).then();
    }

    /** Counts a prize against the budget; empty when the budget cannot give it. */
    Mono<Long> takeBudget(long lotteryId, long points, long coupons) {
        return db.sql("""
                        update lottery set points_given = points_given + :points, coupons_given = coupons_given + :coupons
                        where id = :id and points_given + :points <= budget_points and coupons_given + :coupons <= budget_coupons
                        returning id
                        """)
                .bind("id", lotteryId).bind("points", points).bind("coupons", coupons).mapValue(Long.class).one();
    }

    Mono<Void> giveBackBudget(long lotteryId, long points, long coupons) {
        return db.sql("""
                        update lottery set points_given = points_given - :points, coupons_given = coupons_given - :coupons
                        where id = :id
                        """)
                .bind("id", lotteryId).bind("points", points).bind("coupons", coupons).then();
    }

    /** The member's draws of the lottery today and in all. */
    record DrawCounts(long today, long total) {
    }

    Mono<DrawCounts> drawCounts(long lotteryId, long memberId, LocalDate day) {
        return db.sql("""
                        select count(*) filter (where business_day = :day) as today, count(*) as total
                        from lottery_draw where lottery_id = :lottery and member_id = :member
                        """)
                .bind("lottery", lotteryId).bind("member", memberId).bind("day", day)
                .map(row -> new DrawCounts(row.get("today", Long.class), row.get("total", Long.class))).one();
    }

    /** What a draw records. */
    record NewDraw(long lotteryId, long poolId, long memberId, String key, LocalDate day, int randomValue,
                   Long landedPrizeId, Long prizeId, long costPoints, long pointsWon, Long couponId,
                   Long mallRedemptionId, Instant at) {
    }

    Mono<Long> insertDraw(NewDraw d) {
        return db.sql("""
                        insert into lottery_draw (lottery_id, pool_id, member_id, idempotency_key, business_day, random_value,
                            landed_prize_id, prize_id, cost_points, points_won, coupon_id, mall_redemption_id, created_at)
                        values (:lottery, :pool, :member, :key, :day, :value, :landed, :prize, :cost, :won, :coupon,
                            :redemption, :at)
                        returning id
                        """)
                .bind("lottery", d.lotteryId()).bind("pool", d.poolId()).bind("member", d.memberId())
                .bind("key", d.key()).bind("day", d.day()).bind("value", d.randomValue())
                .bind("landed", Parameter.fromOrEmpty(d.landedPrizeId(), Long.class))
                .bind("prize", Parameter.fromOrEmpty(d.prizeId(), Long.class)).bind("cost", d.costPoints())
                .bind("won", d.pointsWon()).bind("coupon", Parameter.fromOrEmpty(d.couponId(), Long.class))
                .bind("redemption", Parameter.fromOrEmpty(d.mallRedemptionId(), Long.class))
                .bind("at", d.at())
                .mapValue(Long.class).one();
    }

    Mono<LotteryDraw> draw(long drawId) {
        return db.sql(DRAW + " where d.id = :id").bind("id", drawId).map(LotteryRepository::toDraw).one();
    }

    Mono<LotteryDraw> drawByKey(long memberId, String key) {
        return db.sql(DRAW + " where d.member_id = :member and d.idempotency_key = :key")
                .bind("member", memberId).bind("key", key).map(LotteryRepository::toDraw).one();
    }

    Flux<LotteryDraw> recentDraws(long lotteryId, int limit) {
        return db.sql(DRAW + " where d.lottery_id = :lottery order by d.id desc limit :limit")
                .bind("lottery", lotteryId).bind("limit", limit).map(LotteryRepository::toDraw).all();
    }

    Flux<LotteryDraw> memberDraws(long memberId, Long beforeId, int limit) {
        return db.sql(DRAW + " where d.member_id = :member and (:before::bigint is null or d.id < :before) order by d.id desc limit :limit")
                .bind("member", memberId).bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(LotteryRepository::toDraw).all();
    }

    Mono<Long> memberDrawCount(long memberId) {
        return db.sql("select count(*) from lottery_draw where member_id = :member").bind("member", memberId)
                .mapValue(Long.class).one();
    }

    /** The member's draws, for their data export. */
    Mono<String> exportDraws(long memberId) {
        return db.sql(PersonalData.asJsonArray("""
                        select l.title as lottery, p.version as pool_version, d.random_value, coalesce(z.name, '谢谢参与') as prize,
                               d.cost_points, d.points_won, d.coupon_id, d.mall_redemption_id, d.created_at
                        from lottery_draw d join lottery l on l.id = d.lottery_id join lottery_pool p on p.id = d.pool_id
                        left join lottery_prize z on z.id = d.prize_id
                        where d.member_id = :m order by d.id"""))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /** Draws, points taken and prizes given by each of these lotteries (one query). */
    record DrawSums(long lotteryId, long draws, long pointsTaken, long prizesGiven) {
    }

    Flux<DrawSums> drawSums(Collection<Long> lotteryIds) {
        return db.sql("""
                        select lottery_id, count(*) as draws, coalesce(sum(cost_points), 0)::bigint as taken,
                               count(prize_id) filter (where points_won > 0 or coupon_id is not null
                                   or mall_redemption_id is not null) as given
                        from lottery_draw where lottery_id = any(:ids) group by lottery_id
                        """)
                .bind("ids", lotteryIds.toArray(Long[]::new))
                .map(row -> new DrawSums(row.get("lottery_id", Long.class), row.get("draws", Long.class),
                        row.get("taken", Long.class), row.get("given", Long.class)))
                .all();
    }

    private static Lottery toLottery(Readable row) {
        return new Lottery(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("title", String.class),
                row.get("rules_text", String.class), row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                row.get("cost_points", Long.class), row.get("daily_limit", Integer.class),
                row.get("total_limit", Integer.class), row.get("budget_points", Long.class),
                row.get("budget_coupons", Long.class), row.get("points_given", Long.class),
                row.get("coupons_given", Long.class), Lottery.Status.valueOf(row.get("status", String.class)),
                row.get("created_by", Long.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static Prize toPrize(Readable row) {
        return new Prize(row.get("id", Long.class), row.get("pool_id", Long.class), row.get("position", Integer.class),
                Prize.Kind.valueOf(row.get("kind", String.class)), row.get("name", String.class),
                row.get("points", Long.class), row.get("coupon_template_id", Long.class),
                row.get("probability_bp", Integer.class), row.get("stock", Integer.class),
                row.get("remaining", Integer.class), row.get("goods_id", Long.class));
    }

    private static LotteryDraw toDraw(Readable row) {
        String kind = row.get("prize_kind", String.class);
        return new LotteryDraw(row.get("id", Long.class), row.get("lottery_id", Long.class), row.get("title", String.class),
                row.get("member_id", Long.class), row.get("version", Integer.class),
                row.get("random_value", Integer.class), kind == null ? Prize.Kind.NOTHING : Prize.Kind.valueOf(kind),
                kind == null ? "谢谢参与" : row.get("prize_name", String.class),
                row.get("prize_id", Long.class) == null && row.get("landed_prize_id", Long.class) != null,
                row.get("points_won", Long.class), row.get("coupon_id", Long.class), row.get("cost_points", Long.class),
                row.get("created_at", Instant.class), row.get("mall_redemption_id", Long.class));
    }
}

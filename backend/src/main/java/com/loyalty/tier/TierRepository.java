package com.loyalty.tier;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for tiers, members' tier state, reviews and the spend they are based on. */
@Repository
class TierRepository {

    private final DatabaseClient db;

    TierRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Tier> tiers(long brandId) {
        return db.sql("select * from tier where brand_id = :brandId order by level")
                .bind("brandId", brandId)
                .map(row -> new Tier(row.get("level", Integer.class), row.get("name", String.class),
                        row.get("threshold_cents", Long.class),
                        row.get("points_multiplier", BigDecimal.class).doubleValue(), row.get("benefits", String.class), 100))
                .all();
    }

    /** The tier rows of these members (members without one are left out). */
    public Flux<MemberTier> findAll(java.util.Collection<Long> memberIds) {
        return db.sql("select * from member_tier where member_id = any(:ids)")
                .bind("ids", memberIds.toArray(Long[]::new)).map(TierRepository::toMemberTier).all();
    }

    /**
     * The tier rows of these members (level 0 since the epoch for one who has none yet), each with
     * their spend in {@code [from, to)} net of refunds, in one statement.
     */
    public Flux<MemberStanding> standings(java.util.Collection<Long> memberIds, Instant from, Instant to) {
        return db.sql("""
                        select i.id as member_id, coalesce(t.level, 0) as level, coalesce(t.months_below, 0) as months_below,
                               coalesce(t.since, 'epoch'::timestamptz) as since,
                               (select coalesce(sum(p.amount_cents - p.refunded_cents), 0)::bigint from purchase p
                                where p.member_id = i.id and p.occurred_at >= :from and p.occurred_at < :to) as spend
                        from unnest(cast(:ids as bigint[])) as i(id)
                        left join member_tier t on t.member_id = i.id
                        """)
                .bind("ids", memberIds.toArray(Long[]::new)).bind("from", from).bind("to", to)
                .map(row -> new MemberStanding(toMemberTier(row), row.get("spend", Long.class))).all();
    }

    public Mono<MemberTier> find(long memberId) {
        return db.sql("select * from member_tier where member_id = :id")
                .bind("id", memberId).map(TierRepository::toMemberTier).one();
    }

    /**
     * Locks the member's tier row for this transaction, creating it at level 0 when missing; with
     * the member's spend in {@code [from, to)} net of refunds, read in the same statement.
     */
    public Mono<MemberStanding> lock(long memberId, Instant now, Instant from, Instant to) {
        Mono<MemberStanding> lock = Mono.defer(() -> db.sql("""
                        select t.*, (select coalesce(sum(p.amount_cents - p.refunded_cents), 0)::bigint from purchase p
                                     where p.member_id = t.member_id and p.occurred_at >= :from and p.occurred_at < :to) as spend
                        from member_tier t where t.member_id = :id for update of t
                        """)
                .bind("id", memberId).bind("from", from).bind("to", to)
                .map(row -> new MemberStanding(toMemberTier(row), row.get("spend", Long.class))).one());
        return lock.switchIfEmpty(Mono.defer(() -> db.sql(
                        "insert into member_tier (member_id, level, since) values (:id, 0, :now) on conflict do nothing")
                .bind("id", memberId).bind("now", now).then()
                .then(lock)));
    }

    public Mono<Void> update(long memberId, int level, int monthsBelow, Instant since) {
        return db.sql("update member_tier set level = :level, months_below = :below, since = :since where member_id = :id")
                .bind("id", memberId).bind("level", level).bind("below", monthsBelow).bind("since", since)
                .then();
    }

    public Mono<Void> recordChange(TierChange change) {
        return db.sql("""
                        insert into tier_change (member_id, from_level, to_level, reason, review_month, created_at)
                        values (:memberId, :from, :to, :reason, :month, :at)
                        """)
                .bind("memberId", change.memberId()).bind("from", change.fromLevel()).bind("to", change.toLevel())
                .bind("reason", change.reason())
                .bind("month", Parameter.fromOrEmpty(change.reviewMonth(), LocalDate.class))
                .bind("at", change.changedAt())
                .then();
    }

    public Flux<TierChange> history(long memberId) {
        return db.sql("select * from tier_change where member_id = :id order by id desc")
                .bind("id", memberId)
                .map(row -> new TierChange(row.get("member_id", Long.class), row.get("from_level", Integer.class),
                        row.get("to_level", Integer.class), row.get("reason", String.class),
                        row.get("review_month", LocalDate.class), row.get("created_at", Instant.class)))
                .all();
    }

    public Mono<Boolean> reviewed(long memberId, LocalDate month) {
        return db.sql("select exists (select 1 from tier_review where member_id = :id and review_month = :m) as done")
                .bind("id", memberId).bind("m", month).map(row -> row.get("done", Boolean.class)).one();
    }

    public Mono<Void> recordReview(long memberId, LocalDate month, long averageCents, int before, int after,
                                   int monthsBelow) {
        return db.sql("""
                        insert into tier_review (member_id, review_month, average_cents, level_before, level_after,
                                                 months_below)
                        values (:id, :m, :avg, :before, :after, :below)
                        """)
                .bind("id", memberId).bind("m", month).bind("avg", averageCents).bind("before", before)
                .bind("after", after).bind("below", monthsBelow)
                .then();
    }

    /** The brand's members whose tier is at or above the level, by id. */
    public Flux<Long> membersAtOrAbove(long brandId, int level) {
        return db.sql("""
                        select t.member_id from member_tier t join member m on m.id = t.member_id
                        where m.brand_id = :brandId and t.level >= :level and m.closed_at is null
                        order by 1
                        """)
                .bind("brandId", brandId).bind("level", level)
                .map(row -> row.get(0, Long.class)).all();
    }

    /** The brand's open accounts at one of these tier levels (above 0: members with a tier row), by id. */
    public Flux<Long> membersIn(long brandId, java.util.Collection<Integer> levels) {
        return db.sql("""
                        select t.member_id from member_tier t join member m on m.id = t.member_id
                        where m.brand_id = :brandId and t.level = any(:levels) and m.closed_at is null
                        order by 1
                        """)
                .bind("brandId", brandId).bind("levels", levels.toArray(Integer[]::new))
                .map(row -> row.get(0, Long.class)).all();
    }

    /** Members a review must look at: those above the first tier, and those who bought in the window. */
    /** The brand's open accounts at the tier now (level 0: those without a tier row too), by id, after {@code afterId}. */
    public Flux<Long> membersAt(long brandId, int level, long afterId, int limit) {
        return db.sql("""
                        select m.id from member m left join member_tier t on t.member_id = m.id
                        where m.brand_id = :brandId and coalesce(t.level, 0) = :level and m.closed_at is null
                          and m.id > :after
                        order by m.id limit :limit
                        """)
                .bind("brandId", brandId).bind("level", level).bind("after", afterId).bind("limit", limit)
                .map(row -> row.get("id", Long.class)).all();
    }

    public Flux<Long> membersToReview(long brandId, Instant from, Instant to) {
        return db.sql("""
                        select t.member_id from member_tier t join member m on m.id = t.member_id
                        where m.brand_id = :brandId and t.level > 0
                        union
                        select distinct member_id from purchase
                        where brand_id = :brandId and occurred_at >= :from and occurred_at < :to
                          and member_id is not null
                        order by 1
                        """)
                .bind("brandId", brandId).bind("from", from).bind("to", to)
                .map(row -> row.get(0, Long.class)).all();
    }

    /** The member's tier, for their data export. */
    public Mono<String> exportTier(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select level, months_below, since from member_tier where member_id = :m"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /** The member's tier changes, for their data export. */
    public Mono<String> exportTierHistory(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select id, from_level, to_level, reason, review_month, created_at from tier_change where member_id = :m order by id"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /**
     * The monthly tier reviews of the member (the average monthly spend each looked at, the tier before
     * and after, the months below the tier's threshold), for their data export.
     */
    public Mono<String> exportTierReviews(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select review_month, average_cents, level_before, level_after, months_below from tier_review"
                                + " where member_id = :m order by review_month"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static MemberTier toMemberTier(Readable row) {
        return new MemberTier(row.get("member_id", Long.class), row.get("level", Integer.class),
                row.get("months_below", Integer.class), row.get("since", Instant.class));
    }

    /** Raises each member to the level (never lowers), recording each change; how many changed. */
    public Mono<Long> raiseAll(java.util.List<TierOpening> openings, String reason, Instant at) {
        return db.sql("""
                        with input as (
                            select * from unnest(cast(:members as bigint[]), cast(:levels as int[])) as t(member_id, level)),
                        raise as (
                            select i.member_id, i.level, coalesce(t.level, 0) as from_level
                            from input i left join member_tier t on t.member_id = i.member_id
                            where coalesce(t.level, 0) < i.level),
                        up as (
                            insert into member_tier (member_id, level, since)
                            select member_id, level, :at from raise
                            on conflict (member_id) do update set level = excluded.level, months_below = 0,
                                                                  since = excluded.since
                            returning member_id),
                        changed as (
                            insert into tier_change (member_id, from_level, to_level, reason, created_at)
                            select member_id, from_level, level, :reason, :at from raise
                            returning member_id)
                        select (select count(*) from up) + 0 * (select count(*) from changed) as n
                        """)
                .bind("members", openings.stream().map(TierOpening::memberId).toArray(Long[]::new))
                .bind("levels", openings.stream().map(TierOpening::level).toArray(Integer[]::new))
                .bind("reason", reason).bind("at", at)
                .map(row -> row.get("n", Long.class))
                .one();
    }
}

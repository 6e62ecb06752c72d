package com.loyalty.campaign;

import com.loyalty.privacy.PersonalData;
import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.MemberFilter;
import com.loyalty.segment.MemberFilterSql;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for campaigns, their audience and the numbers behind their stats. */
@Repository
class CampaignRepository {

    private final DatabaseClient db;

    CampaignRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Campaign> insert(long brandId, CreateCampaignInput in, long staffId, Instant at) {
        return db.sql("""
                        insert into campaign (brand_id, name, starts_at, ends_at, audience_kind, audience_tiers,
                            audience_members, benefit_kind, pack_id, points, multiplier, control_percent, budget,
                            created_by, created_at, audience_tags, audience_stages, kind, member_day)
                        values (:brandId, :name, :starts, :ends, :audience, :tiers, :members, :benefit, :pack, :points,
                            :multiplier, :control, :budget, :staff, :at, :tags, :stages, :kind, :memberDay)
                        returning *
                        """)
                .bind("brandId", brandId).bind("name", in.name().strip()).bind("starts", in.startsAt())
                .bind("ends", in.endsAt()).bind("audience", in.audience().name())
                .bind("tiers", Parameter.fromOrEmpty(in.tiers() == null ? null : in.tiers().toArray(Integer[]::new),
                        Integer[].class))
                .bind("members", Parameter.fromOrEmpty(in.memberIds() == null ? null
                        : in.memberIds().toArray(Long[]::new), Long[].class))
                .bind("benefit", in.benefit().name())
                .bind("pack", Parameter.fromOrEmpty(in.packId(), Long.class))
                .bind("points", Parameter.fromOrEmpty(in.points(), Long.class))
                .bind("multiplier", Parameter.fromOrEmpty(in.multiplier() == null ? null
                        : java.math.BigDecimal.valueOf(in.multiplier()), java.math.BigDecimal.class))
                .bind("control", in.controlPercent() == null ? 10 : in.controlPercent())
                .bind("budget", Parameter.fromOrEmpty(in.budget(), Long.class))
                .bind("staff", staffId).bind("at", at)
                .bind("tags", Parameter.fromOrEmpty(in.tagIds() == null ? null : in.tagIds().toArray(Long[]::new),
                        Long[].class))
                .bind("stages", Parameter.fromOrEmpty(in.stages() == null ? null
                        : in.stages().stream().map(Enum::name).toArray(String[]::new), String[].class))
                .bind("kind", in.kindOrStandard().name())
                .bind("memberDay", Parameter.fromOrEmpty(in.memberDay(), Integer.class))
                .map(CampaignRepository::toCampaign).one();
    }

    /** The first of a campaign audience's members, tags and tier levels the brand does not have; each null when all exist. */
    public record UnknownAudience(Long memberId, Long tagId, Integer tierLevel) {
    }

    public Mono<UnknownAudience> unknownAudience(long brandId, List<Long> memberIds, List<Long> tagIds, List<Integer> tiers) {
        return db.sql("""
                        select
                          (select min(x) from unnest(cast(:members as bigint[])) x
                           where not exists (select 1 from member m where m.id = x and m.brand_id = :b)) as member,
                          (select min(x) from unnest(cast(:tags as bigint[])) x
                           where not exists (select 1 from tag t where t.id = x and t.brand_id = :b)) as tag,
                          (select min(x) from unnest(cast(:tiers as int[])) x
                           where not exists (select 1 from tier t where t.level = x and t.brand_id = :b)) as tier
                        """)
                .bind("b", brandId)
                .bind("members", (memberIds == null ? List.<Long>of() : memberIds).toArray(Long[]::new))
                .bind("tags", (tagIds == null ? List.<Long>of() : tagIds).toArray(Long[]::new))
                .bind("tiers", (tiers == null ? List.<Integer>of() : tiers).toArray(Integer[]::new))
                .map(row -> new UnknownAudience(row.get("member", Long.class), row.get("tag", Long.class),
                        row.get("tier", Integer.class)))
                .one();
    }

    public Mono<Campaign> find(long brandId, long id) {
        return db.sql("select * from campaign where brand_id = :b and id = :id").bind("b", brandId).bind("id", id)
                .map(CampaignRepository::toCampaign).one();
    }

    /** Marks the campaign launched; false when it already was. */
    public Mono<Boolean> markLaunched(long id, Instant at) {
        return db.sql("update campaign set launched_at = :at where id = :id and launched_at is null")
                .bind("id", id).bind("at", at).fetch().rowsUpdated().map(n -> n > 0);
    }

    /**
     * Records the audience, holding out {@code control_percent} of it at random (a hash of campaign
     * and member, so the split is fixed and reproducible); returns the treated member ids. Members
     * without marketing consent are left out (counted by {@link #recordSkipped}); closed accounts too.
     */
    public Flux<Long> recordAudience(Campaign c) {
        MemberFilter filter = c.audienceFilter();
        MemberFilterSql.Condition who = filter == null ? null : MemberFilterSql.of(filter);
        var spec = db.sql("""
                        insert into campaign_member (campaign_id, member_id, in_control)
                        select :c, m.id, abs(hashtext(:c || ':' || m.id)) % 100 < :control
                        from member m
                        where m.brand_id = :b and m.marketing_consent and m.closed_at is null and\s""" + (who == null ? "m.id = any(:members)" : who.sql()) + """

                        on conflict do nothing
                        returning member_id, in_control
                        """)
                .bind("c", c.id()).bind("b", c.brandId()).bind("control", c.controlPercent());
        spec = who == null ? spec.bind("members", c.audienceMembers().toArray(Long[]::new)) : who.bindTo(spec);
        return spec.map(row -> Boolean.TRUE.equals(row.get("in_control", Boolean.class)) ? -1L
                        : row.get("member_id", Long.class))
                .all().filter(id -> id > 0).sort();
    }

    /**
     * Counts (and stores) the members matching the audience who are left out for lack of marketing
     * consent (not those already in the audience who withdrew later).
     */
    public Mono<Long> recordSkipped(Campaign c) {
        MemberFilter filter = c.audienceFilter();
        MemberFilterSql.Condition who = filter == null ? null : MemberFilterSql.of(filter);
        var spec = db.sql("""
                        update campaign set skipped_no_consent = (
                            select count(*) from member m
                            where m.brand_id = :b and not m.marketing_consent and m.closed_at is null
                              and not exists (select 1 from campaign_member cm where cm.campaign_id = :c and cm.member_id = m.id)
                              and\s"""
                        + (who == null ? "m.id = any(:members)" : who.sql()) + """
                        ) where id = :c returning skipped_no_consent
                        """)
                .bind("c", c.id()).bind("b", c.brandId());
        spec = who == null ? spec.bind("members", c.audienceMembers().toArray(Long[]::new)) : who.bindTo(spec);
        return spec.map(row -> row.get("skipped_no_consent", Integer.class).longValue()).one();
    }

    public Mono<Void> markReached(long campaignId, long memberId, Instant at) {
        return db.sql("update campaign_member set reached_at = :at where campaign_id = :c and member_id = :m")
                .bind("c", campaignId).bind("m", memberId).bind("at", at).then();
    }

    /**
     * A campaign's audience: all of it, the treated, the held-out control group, those reached, and
     * those left out for lack of marketing consent.
     */
    public record AudienceCounts(long audience, long treated, long control, long reached, long skippedNoConsent) {
    }

    public Mono<AudienceCounts> audienceCounts(long campaignId) {
        return db.sql("""
                        select count(*) as audience, count(*) filter (where not in_control) as treated,
                               count(*) filter (where in_control) as control,
                               count(*) filter (where reached_at is not null) as reached,
                               (select skipped_no_consent from campaign where id = :c)::bigint as skipped
                        from campaign_member where campaign_id = :c
                        """)
                .bind("c", campaignId)
                .map(row -> new AudienceCounts(row.get("audience", Long.class), row.get("treated", Long.class),
                        row.get("control", Long.class), row.get("reached", Long.class), row.get("skipped", Long.class)))
                .one();
    }

    /** Coupons of a campaign: issued, redeemed, and the discount on the orders that redeemed them. */
    public record CouponCounts(long issued, long redeemed, long discountCents) {
    }

    public Mono<CouponCounts> couponCounts(long campaignId) {
        return db.sql("""
                        select count(*) as issued, count(*) filter (where status = 'USED') as redeemed,
                               coalesce((select sum(p.coupon_discount_cents) from purchase p
                                         where p.id in (select purchase_id from member_coupon
                                                        where campaign_id = :c and purchase_id is not null)), 0)::bigint
                                   as discount
                        from member_coupon where campaign_id = :c
                        """)
                .bind("c", campaignId)
                .map(row -> new CouponCounts(row.get("issued", Long.class), row.get("redeemed", Long.class),
                        row.get("discount", Long.class)))
                .one();
    }

    /** Orders of a campaign's treated or control members in its window, and their revenue net of refunds. */
    public record OrdersAndRevenue(long orders, long revenueCents) {
    }

    public Mono<OrdersAndRevenue> ordersAndRevenue(Campaign c, boolean control) {
        return db.sql("""
                        select count(p.id) as orders, coalesce(sum(p.amount_cents - p.refunded_cents), 0)::bigint as revenue
                        from campaign_member cm join purchase p on p.member_id = cm.member_id
                        where cm.campaign_id = :c and cm.in_control = :control
                          and p.occurred_at >= :starts and p.occurred_at < :ends
                        """)
                .bind("c", c.id()).bind("control", control).bind("starts", c.startsAt()).bind("ends", c.endsAt())
                .map(row -> new OrdersAndRevenue(row.get("orders", Long.class), row.get("revenue", Long.class)))
                .one();
    }

    /**
     * The highest multiplier of campaigns that reached the member and whose window holds
     * {@code at}; a member-day campaign only on its day of the month.
     */
    public Mono<Double> activeMultiplier(long memberId, Instant at, java.time.ZoneId zone) {
        return db.sql("""
                        select max(c.multiplier) as m from campaign c
                        join campaign_member cm on cm.campaign_id = c.id
                        where cm.member_id = :member and not cm.in_control and cm.reached_at is not null
                          and c.benefit_kind = 'MULTIPLIER' and c.starts_at <= :at and c.ends_at > :at
                          and (c.kind <> 'MEMBER_DAY' or extract(day from :at at time zone :zone) = c.member_day)
                        """)
                .bind("member", memberId).bind("at", at).bind("zone", zone.getId())
                .map(row -> row.get("m", java.math.BigDecimal.class) == null ? 1.0
                        : row.get("m", java.math.BigDecimal.class).doubleValue())
                .one();
    }

    /** Launched member-day and birthday campaigns whose window holds {@code at}. */
    public Flux<Campaign> runningBuiltIns(Instant at) {
        return db.sql("""
                        select * from campaign where kind <> 'STANDARD' and launched_at is not null
                          and starts_at <= :at and ends_at > :at order by id
                        """)
                .bind("at", at).map(CampaignRepository::toCampaign).all();
    }

    /** Treated members of a birthday campaign born in the month who have not had its pack. */
    public Flux<Long> birthdaysDue(long campaignId, int month) {
        return db.sql("""
                        select cm.member_id from campaign_member cm join member m on m.id = cm.member_id
                        where cm.campaign_id = :c and not cm.in_control and cm.reached_at is null
                          and m.marketing_consent and m.closed_at is null
                          and extract(month from m.birthday) = :month
                        order by cm.member_id
                        """)
                .bind("c", campaignId).bind("month", month).map(row -> row.get("member_id", Long.class)).all();
    }

    public Mono<Long> reachedCount(long campaignId) {
        return db.sql("select count(*) as n from campaign_member where campaign_id = :c and reached_at is not null")
                .bind("c", campaignId).map(row -> row.get("n", Long.class)).one();
    }

    public Mono<Long> pointsGiven(long campaignId) {
        return db.sql("select coalesce(sum(delta), 0)::bigint as n from points_ledger where idempotency_key like :k")
                .bind("k", "campaign:" + campaignId + ":%").map(row -> row.get("n", Long.class)).one();
    }

    /** The campaigns the member was in, for their data export. */
    public Mono<String> exportCampaigns(long memberId) {
        return db.sql(PersonalData.asJsonArray("""
                        select c.name as campaign, cm.in_control, cm.reached_at
                        from campaign_member cm join campaign c on c.id = cm.campaign_id where cm.member_id = :m order by c.id
                        """))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static Campaign toCampaign(Readable row) {
        Integer[] tiers = row.get("audience_tiers", Integer[].class);
        Long[] members = row.get("audience_members", Long[].class);
        Long[] tags = row.get("audience_tags", Long[].class);
        String[] stages = row.get("audience_stages", String[].class);
        return new Campaign(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("name", String.class),
                row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                Campaign.Audience.valueOf(row.get("audience_kind", String.class)),
                tiers == null ? null : Arrays.asList(tiers), members == null ? null : List.copyOf(Arrays.asList(members)),
                Campaign.Benefit.valueOf(row.get("benefit_kind", String.class)), row.get("pack_id", Long.class),
                row.get("points", Long.class),
                row.get("multiplier", java.math.BigDecimal.class) == null ? null
                        : row.get("multiplier", java.math.BigDecimal.class).doubleValue(),
                row.get("control_percent", Integer.class), row.get("budget", Long.class),
                row.get("launched_at", Instant.class),
                tags == null ? null : List.copyOf(Arrays.asList(tags)),
                stages == null ? null : Arrays.stream(stages).map(LifecycleStage::valueOf).toList(),
                Campaign.Kind.valueOf(row.get("kind", String.class)), row.get("member_day", Integer.class));
    }
}

package com.loyalty.campaign;

import com.loyalty.member.Member;
import com.loyalty.notify.Channel;
import com.loyalty.privacy.PersonalData;
import com.loyalty.segment.LifecycleStage;
import com.loyalty.segment.MemberFilter;
import com.loyalty.segment.MemberFilterSql;
import com.loyalty.segment.RfmSegment;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** SQL for campaigns, their audience and the numbers behind their stats. */
@Repository
class CampaignRepository {

    private final DatabaseClient db;

    private final JsonMapper json;

    CampaignRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Campaign> insert(long brandId, CreateCampaignInput in, long staffId, Instant at) {
        return bindFields(db.sql("""
                        insert into campaign (brand_id, name, starts_at, ends_at, audience_kind, audience_tiers,
                            audience_members, benefit_kind, pack_id, points, multiplier, control_percent, budget,
                            created_by, created_at, audience_tags, audience_stages, kind, member_day, recurrence,
                            audience_segments, top_percent, window_days, audience_filter, message_text, message_channel)
                        values (:brandId, :name, :starts, :ends, :audience, :tiers, :members, :benefit, :pack, :points,
                            :multiplier, :control, :budget, :staff, :at, :tags, :stages, :kind, :memberDay, :recurrence,
                            :segments, :topPercent, :windowDays, :filter, :message, :channel)
                        returning *
                        """), in)
                .bind("brandId", brandId).bind("staff", staffId).bind("at", at)
                .map(this::toCampaign).one();
    }

    /** Rewrites every field of a campaign still in {@code status} (a draft or scheduled one); empty when it moved on. */
    public Mono<Campaign> updateAll(long id, Campaign.Status status, CreateCampaignInput in, Instant at) {
        return bindFields(db.sql("""
                        update campaign set name = :name, starts_at = :starts, ends_at = :ends, audience_kind = :audience,
                            audience_tiers = :tiers, audience_members = :members, benefit_kind = :benefit, pack_id = :pack,
                            points = :points, multiplier = :multiplier, control_percent = :control, budget = :budget,
                            audience_tags = :tags, audience_stages = :stages, kind = :kind, member_day = :memberDay,
                            recurrence = :recurrence, audience_segments = :segments, top_percent = :topPercent,
                            window_days = :windowDays, audience_filter = :filter, message_text = :message,
                            message_channel = :channel, updated_at = :at
                        where id = :id and status = :status
                        returning *
                        """), in)
                .bind("id", id).bind("status", status.name()).bind("at", at)
                .map(this::toCampaign).one();
    }

    /** What a running or paused campaign may still change: name, end, budget and message. */
    public record LiveChanges(String name, Instant endsAt, Long budget, String message, Channel channel) {
    }

    /** Applies the changes to a running or paused campaign; empty when it is neither any more. */
    public Mono<Campaign> updateLive(long id, LiveChanges in, Instant at) {
        return db.sql("""
                        update campaign set name = :name, ends_at = :ends, budget = :budget, message_text = :message,
                            message_channel = :channel, updated_at = :at
                        where id = :id and status in ('RUNNING', 'PAUSED')
                        returning *
                        """)
                .bind("id", id).bind("name", in.name()).bind("ends", in.endsAt())
                .bind("budget", Parameter.fromOrEmpty(in.budget(), Long.class))
                .bind("message", Parameter.fromOrEmpty(in.message(), String.class))
                .bind("channel", Parameter.fromOrEmpty(in.channel() == null ? null : in.channel().name(), String.class))
                .bind("at", at)
                .map(this::toCampaign).one();
    }

    private DatabaseClient.GenericExecuteSpec bindFields(DatabaseClient.GenericExecuteSpec spec, CreateCampaignInput in) {
        return spec.bind("name", in.name().strip()).bind("starts", in.startsAt())
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
                .bind("tags", Parameter.fromOrEmpty(in.tagIds() == null ? null : in.tagIds().toArray(Long[]::new),
                        Long[].class))
                .bind("stages", Parameter.fromOrEmpty(in.stages() == null ? null
                        : in.stages().stream().map(Enum::name).toArray(String[]::new), String[].class))
                .bind("kind", in.kindOrStandard().name())
                .bind("memberDay", Parameter.fromOrEmpty(in.memberDay(), Integer.class))
                .bind("recurrence", in.recurrenceOrNone().name())
                .bind("segments", Parameter.fromOrEmpty(in.segments() == null ? null
                        : in.segments().stream().map(Enum::name).toArray(String[]::new), String[].class))
                .bind("topPercent", Parameter.fromOrEmpty(in.topPercent(), Integer.class))
                .bind("windowDays", Parameter.fromOrEmpty(in.windowDays(), Integer.class))
                .bind("filter", Parameter.fromOrEmpty(in.filter() == null ? null : json.writeValueAsString(in.filter()),
                        String.class))
                .bind("message", Parameter.fromOrEmpty(in.messageText(), String.class))
                .bind("channel", Parameter.fromOrEmpty(in.channel() == null ? null : in.channel().name(), String.class));
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
                .map(this::toCampaign).one();
    }

    /** Marks a draft launched, SCHEDULED or RUNNING; false when it is not a draft (any more). */
    public Mono<Boolean> markLaunched(long id, Instant at, Campaign.Status status) {
        return db.sql("""
                        update campaign set launched_at = :at, status = :status
                        where id = :id and launched_at is null and status = 'DRAFT'
                        """)
                .bind("id", id).bind("at", at).bind("status", status.name()).fetch().rowsUpdated().map(n -> n > 0);
    }

    /**
     * Moves a campaign from one of the statuses to another (ENDED records when); the campaign as it
     * is now, or empty when it was in none of them.
     */
    public Mono<Campaign> move(long brandId, long id, List<Campaign.Status> from, Campaign.Status to, Instant at) {
        return db.sql("""
                        update campaign set status = :to, updated_at = :at,
                            ended_at = case when :to = 'ENDED' then least(:at, ends_at) else ended_at end
                        where brand_id = :b and id = :id and status = any(:from)
                        returning *
                        """)
                .bind("b", brandId).bind("id", id).bind("to", to.name()).bind("at", at)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new))
                .map(this::toCampaign).one();
    }

    /** Scheduled campaigns whose start has come, marked RUNNING (each returned once, to the caller that moved it). */
    public Flux<Campaign> startDue(Instant now) {
        return db.sql("""
                        update campaign set status = 'RUNNING', updated_at = :now
                        where status = 'SCHEDULED' and starts_at <= :now
                        returning *
                        """)
                .bind("now", now).map(this::toCampaign).all().sort(java.util.Comparator.comparingLong(Campaign::id));
    }

    /** Ends the campaigns whose end time has passed; those it ended. */
    public Flux<Campaign> endDue(Instant now) {
        return db.sql("""
                        update campaign set status = 'ENDED', ended_at = ends_at, updated_at = :now
                        where status in ('RUNNING', 'PAUSED') and ends_at <= :now
                        returning *
                        """)
                .bind("now", now).map(this::toCampaign).all();
    }

    /** Running MONTHLY campaigns whose run for the business month {@code period} has not finished. */
    public Flux<Campaign> monthlyDue(Instant now, String period) {
        return db.sql("""
                        select * from campaign
                        where status = 'RUNNING' and recurrence = 'MONTHLY' and starts_at <= :now and ends_at > :now
                          and (last_period is null or last_period < :period)
                        order by id
                        """)
                .bind("now", now).bind("period", period).map(this::toCampaign).all();
    }

    /** Records that the campaign's run for the period finished. */
    public Mono<Void> markPeriod(long id, String period) {
        return db.sql("update campaign set last_period = :p where id = :id").bind("id", id).bind("p", period).then();
    }

    /**
     * Records the grant of the benefit to the member for the period ('ONCE', or a month); false when
     * it was already given (the run is repeated): give nothing then.
     */
    public Mono<Boolean> recordGrant(long campaignId, long memberId, String period, Instant at) {
        return db.sql("""
                        insert into campaign_grant (campaign_id, member_id, period, given_at) values (:c, :m, :p, :at)
                        on conflict do nothing
                        """)
                .bind("c", campaignId).bind("m", memberId).bind("p", period).bind("at", at)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Benefits given (members reached once each, or per month for a MONTHLY campaign). */
    public Mono<Long> grantCount(long campaignId) {
        return db.sql("select count(*) as n from campaign_grant where campaign_id = :c")
                .bind("c", campaignId).map(row -> row.get("n", Long.class)).one();
    }

    /** The audience's condition on member {@code m}, its parameters named {@code f_*} and {@code a_*}. */
    private record Who(String sql, Map<String, Object> params) {

        DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
            for (Map.Entry<String, Object> p : params.entrySet()) {
                spec = spec.bind(p.getKey(), p.getValue());
            }
            return spec;
        }
    }

    /**
     * The one place an audience becomes SQL, for previews, launches and monthly runs alike: a member
     * filter, an explicit list, or the top spenders (the first {@code topPercent} % of the brand's
     * members by net spend over the last {@code windowDays} days, among those who spent).
     */
    private Who who(CampaignAudienceInput a, long brandId, Instant now) {
        if (a.audience() == Campaign.Audience.MEMBERS) {
            return new Who("m.id = any(:a_members)", Map.of("a_members",
                    (a.memberIds() == null ? List.<Long>of() : a.memberIds()).toArray(Long[]::new)));
        }
        MemberFilterSql.Condition filter = MemberFilterSql.of(a.memberFilter());
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        String sql = filter.sql();
        if (a.audience() == Campaign.Audience.TOP_SPENDERS) {
            sql += " and " + """
                    m.id in (select ranked.member_id from (
                        select p.member_id, row_number() over (order by sum(p.amount_cents - p.refunded_cents) desc,
                                   p.member_id) as r, count(*) over () as n
                        from purchase p join member pm on pm.id = p.member_id
                        where pm.brand_id = :a_brand and p.occurred_at >= :a_since and p.occurred_at < :a_now
                        group by p.member_id having sum(p.amount_cents - p.refunded_cents) > 0) ranked
                      where ranked.r <= ceil(ranked.n * :a_top / 100.0))""";
            params.put("a_brand", brandId);
            params.put("a_since", now.minus(java.time.Duration.ofDays(a.windowDays())));
            params.put("a_now", now);
            params.put("a_top", a.topPercent());
        }
        return new Who(sql, params);
    }

    /**
     * Records the audience, holding out {@code control_percent} of it at random (a hash of campaign
     * and member, so the split is fixed and reproducible: a member once in the control group stays
     * there, and members added later are split with the same share). Members without marketing
     * consent are left out (counted by {@link #recordSkipped}); closed accounts too.
     */
    public Mono<Void> recordAudience(Campaign c, Instant now) {
        Who who = who(c.audienceInput(), c.brandId(), now);
        return who.bindTo(db.sql("""
                        insert into campaign_member (campaign_id, member_id, in_control)
                        select :c, m.id, abs(hashtext(:c || ':' || m.id)) % 100 < :control
                        from member m
                        where m.brand_id = :b and m.marketing_consent and m.closed_at is null and\s""" + who.sql() + """

                        on conflict do nothing
                        """)
                .bind("c", c.id()).bind("b", c.brandId()).bind("control", c.controlPercent()))
                .then();
    }

    /**
     * The treated members in the audience now (recorded, not in the control group, still consenting
     * and matching), in id order: who gets the benefit at the start and at each monthly run.
     */
    public Flux<Long> treatedNow(Campaign c, Instant now) {
        Who who = who(c.audienceInput(), c.brandId(), now);
        return who.bindTo(db.sql("""
                        select m.id from campaign_member cm join member m on m.id = cm.member_id
                        where cm.campaign_id = :c and not cm.in_control
                          and m.brand_id = :b and m.marketing_consent and m.closed_at is null and\s""" + who.sql() + """

                        order by m.id
                        """)
                .bind("c", c.id()).bind("b", c.brandId()))
                .map(row -> row.get("id", Long.class)).all();
    }

    /**
     * Counts (and stores) the members matching the audience who are left out for lack of marketing
     * consent (not those already in the audience who withdrew later).
     */
    public Mono<Long> recordSkipped(Campaign c, Instant now) {
        Who who = who(c.audienceInput(), c.brandId(), now);
        return who.bindTo(db.sql("""
                        update campaign set skipped_no_consent = (
                            select count(*) from member m
                            where m.brand_id = :b and not m.marketing_consent and m.closed_at is null
                              and not exists (select 1 from campaign_member cm where cm.campaign_id = :c and cm.member_id = m.id)
                              and\s"""
                        + who.sql() + """
                        ) where id = :c returning skipped_no_consent
                        """)
                .bind("c", c.id()).bind("b", c.brandId()))
                .map(row -> row.get("skipped_no_consent", Integer.class).longValue()).one();
    }

    /** What an audience takes now: all matching members, those without marketing consent. */
    public record PreviewCounts(long count, long withoutConsent) {
    }

    public Mono<PreviewCounts> previewCounts(long brandId, CampaignAudienceInput a, Instant now) {
        Who who = who(a, brandId, now);
        return who.bindTo(db.sql("""
                        select count(*) as n, count(*) filter (where not m.marketing_consent) as no_consent
                        from member m where m.brand_id = :b and m.closed_at is null and\s""" + who.sql()))
                .bind("b", brandId)
                .map(row -> new PreviewCounts(row.get("n", Long.class), row.get("no_consent", Long.class))).one();
    }

    /** Up to {@code limit} members the audience would reach (with consent), newest first, nicknames masked. */
    public Flux<AudiencePreview.Sample> previewSample(long brandId, CampaignAudienceInput a, Instant now, int limit) {
        Who who = who(a, brandId, now);
        return who.bindTo(db.sql("""
                        select m.id, m.nickname from member m
                        where m.brand_id = :b and m.closed_at is null and m.marketing_consent and\s""" + who.sql() + """

                        order by m.id desc limit :limit
                        """))
                .bind("b", brandId).bind("limit", limit)
                .map(row -> new AudiencePreview.Sample(row.get("id", Long.class),
                        Member.mask(row.get("nickname", String.class))))
                .all();
    }

    /** A page of the brand's campaigns matching the filter, newest first. */
    public Flux<Campaign> page(long brandId, CampaignFilter f, Long beforeId, int limit) {
        return bindFilter(db.sql("select * from campaign c where " + FILTER + " and c.status = coalesce(:status, c.status)"
                        + " and c.id < coalesce(:before, 9223372036854775807) order by c.id desc limit :limit"), brandId, f)
                .bind("status", Parameter.fromOrEmpty(f.status() == null ? null : f.status().name(), String.class))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(this::toCampaign).all();
    }

    /** How many of the brand's campaigns match the filter in each status (the filter's own status aside). */
    public Flux<CampaignConnection.StatusCount> statusCounts(long brandId, CampaignFilter f) {
        return bindFilter(db.sql("select c.status, count(*) as n from campaign c where " + FILTER
                        + " group by c.status"), brandId, f)
                .map(row -> new CampaignConnection.StatusCount(Campaign.Status.valueOf(row.get("status", String.class)),
                        row.get("n", Long.class)))
                .all();
    }

    private static final String FILTER = """
            c.brand_id = :b and c.kind = coalesce(:kind, c.kind) and c.benefit_kind = coalesce(:benefit, c.benefit_kind)
              and (cast(:search as text) is null or strpos(lower(c.name), lower(:search)) > 0)""";

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                                CampaignFilter f) {
        return spec.bind("b", brandId)
                .bind("kind", Parameter.fromOrEmpty(f.kind() == null ? null : f.kind().name(), String.class))
                .bind("benefit", Parameter.fromOrEmpty(f.benefit() == null ? null : f.benefit().name(), String.class))
                .bind("search", Parameter.fromOrEmpty(f.search() == null || f.search().isBlank() ? null
                        : f.search().strip(), String.class));
    }

    /** Marks every treated member of the campaign not reached yet as reached (member day: being in it is the benefit). */
    public Mono<Void> reachTreated(long campaignId, Instant at) {
        return db.sql("""
                        update campaign_member set reached_at = :at
                        where campaign_id = :c and not in_control and reached_at is null
                        """)
                .bind("c", campaignId).bind("at", at).then();
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
    /**
     * The earliest start of a MULTIPLIER campaign launched and not ended (scheduled, running or
     * paused); empty when there is none: before it, no purchase earns a campaign multiplier.
     */
    public Mono<Instant> earliestMultiplierStart() {
        return db.sql("""
                        select min(starts_at) as s from campaign
                        where benefit_kind = 'MULTIPLIER' and status in ('SCHEDULED', 'RUNNING', 'PAUSED')
                        """)
                .map(row -> Optional.ofNullable(row.get("s", Instant.class))).one().flatMap(Mono::justOrEmpty);
    }

    public Mono<Double> activeMultiplier(long memberId, Instant at, java.time.ZoneId zone) {
        return db.sql("""
                        select max(c.multiplier) as m from campaign c
                        join campaign_member cm on cm.campaign_id = c.id
                        where cm.member_id = :member and not cm.in_control and cm.reached_at is not null
                          and c.benefit_kind = 'MULTIPLIER' and c.status = 'RUNNING'
                          and c.starts_at <= :at and c.ends_at > :at
                          and (c.kind <> 'MEMBER_DAY' or extract(day from :at at time zone :zone) = c.member_day)
                        """)
                .bind("member", memberId).bind("at", at).bind("zone", zone.getId())
                .map(row -> row.get("m", java.math.BigDecimal.class) == null ? 1.0
                        : row.get("m", java.math.BigDecimal.class).doubleValue())
                .one();
    }

    /** Running (not paused or ended) member-day and birthday campaigns whose window holds {@code at}. */
    public Flux<Campaign> runningBuiltIns(Instant at) {
        return db.sql("""
                        select * from campaign where kind <> 'STANDARD' and status = 'RUNNING'
                          and starts_at <= :at and ends_at > :at order by id
                        """)
                .bind("at", at).map(this::toCampaign).all();
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

    /** The latest {@code perMember} campaigns each of these members was in, newest first, in one query. */
    public Flux<MemberCampaign> campaignsOf(java.util.Collection<Long> memberIds, int perMember) {
        return db.sql("""
                        select * from (
                            select cm.member_id, cm.in_control, cm.reached_at, c.id, c.name, c.status, c.kind,
                                   c.benefit_kind, c.starts_at, c.ends_at,
                                   row_number() over (partition by cm.member_id order by c.id desc) as n
                            from campaign_member cm join campaign c on c.id = cm.campaign_id
                            where cm.member_id = any(:m)) t
                        where n <= :per order by member_id, id desc
                        """)
                .bind("m", memberIds.toArray(Long[]::new)).bind("per", perMember)
                .map(row -> new MemberCampaign(row.get("member_id", Long.class), row.get("id", Long.class),
                        row.get("name", String.class), Campaign.Status.valueOf(row.get("status", String.class)),
                        Campaign.Kind.valueOf(row.get("kind", String.class)),
                        Campaign.Benefit.valueOf(row.get("benefit_kind", String.class)),
                        Boolean.TRUE.equals(row.get("in_control", Boolean.class))
                                ? MemberCampaign.Group.CONTROL : MemberCampaign.Group.TREATED,
                        row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                        row.get("reached_at", Instant.class)))
                .all();
    }

    /** The campaigns the member was in, for their data export. */
    public Mono<String> exportCampaigns(long memberId) {
        return db.sql(PersonalData.asJsonArray("""
                        select c.name as campaign, cm.in_control, cm.reached_at
                        from campaign_member cm join campaign c on c.id = cm.campaign_id where cm.member_id = :m order by c.id
                        """))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private Campaign toCampaign(Readable row) {
        Integer[] tiers = row.get("audience_tiers", Integer[].class);
        Long[] members = row.get("audience_members", Long[].class);
        Long[] tags = row.get("audience_tags", Long[].class);
        String[] stages = row.get("audience_stages", String[].class);
        String[] segments = row.get("audience_segments", String[].class);
        String filter = row.get("audience_filter", String.class);
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
                Campaign.Kind.valueOf(row.get("kind", String.class)), row.get("member_day", Integer.class),
                Campaign.Status.valueOf(row.get("status", String.class)), row.get("ended_at", Instant.class),
                Campaign.Recurrence.valueOf(row.get("recurrence", String.class)),
                segments == null ? null : Arrays.stream(segments).map(RfmSegment::valueOf).toList(),
                row.get("top_percent", Integer.class), row.get("window_days", Integer.class),
                filter == null ? null : json.readValue(filter, MemberFilter.class),
                row.get("message_text", String.class),
                row.get("message_channel", String.class) == null ? null
                        : Channel.valueOf(row.get("message_channel", String.class)),
                row.get("last_period", String.class));
    }
}

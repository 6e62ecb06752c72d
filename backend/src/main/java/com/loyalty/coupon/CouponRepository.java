package com.loyalty.coupon;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for coupon templates and members' coupons. A coupon and the member's count of it go in with one
 * statement; the stock is held by slots (unique per template), not by a counter on the template row.
 */
@Repository
class CouponRepository {

    private final DatabaseClient db;

    CouponRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<CouponTemplate> insertTemplate(long brandId, CreateCouponTemplateInput in, long staffId, Instant at) {
        return db.sql("""
                        insert into coupon_template (brand_id, name, kind, amount_off_cents, threshold_cents, percent_off,
                            max_discount_cents, gift_name, valid_from, valid_until, valid_days, total_stock,
                            per_member_limit, min_tier_level, store_ids, categories, channel, stackable, claimable,
                            points_price, early_tier_levels, early_from, general_from, created_by, created_at)
                        values (:brandId, :name, :kind, :amountOff, :threshold, :percentOff, :maxDiscount, :gift,
                            :validFrom, :validUntil, :validDays, :stock, :perMember, :minTier, :stores, :categories,
                            :channel, :stackable, :claimable, :pointsPrice, :earlyLevels, :earlyFrom, :generalFrom,
                            :staffId, :at)
                        returning *
                        """)
                .bind("brandId", brandId).bind("name", in.name().strip()).bind("kind", in.kind().name())
                .bind("amountOff", Parameter.fromOrEmpty(in.amountOffCents(), Long.class))
                .bind("threshold", in.thresholdCents() == null ? 0L : in.thresholdCents())
                .bind("percentOff", Parameter.fromOrEmpty(in.percentOff(), Integer.class))
                .bind("maxDiscount", Parameter.fromOrEmpty(in.maxDiscountCents(), Long.class))
                .bind("gift", Parameter.fromOrEmpty(in.giftName(), String.class))
                .bind("validFrom", Parameter.fromOrEmpty(in.validFrom(), Instant.class))
                .bind("validUntil", Parameter.fromOrEmpty(in.validUntil(), Instant.class))
                .bind("validDays", Parameter.fromOrEmpty(in.validDays(), Integer.class))
                .bind("stock", Parameter.fromOrEmpty(in.totalStock(), Integer.class))
                .bind("perMember", in.perMemberLimit() == null ? 1 : in.perMemberLimit())
                .bind("minTier", in.minTierLevel() == null ? 0 : in.minTierLevel())
                .bind("stores", Parameter.fromOrEmpty(in.storeIds() == null ? null : in.storeIds().toArray(Long[]::new),
                        Long[].class))
                .bind("categories", Parameter.fromOrEmpty(in.categories() == null ? null
                        : in.categories().toArray(String[]::new), String[].class))
                .bind("channel", (in.channel() == null ? CouponTemplate.Channel.BOTH : in.channel()).name())
                .bind("stackable", Boolean.TRUE.equals(in.stackable()))
                .bind("claimable", in.claimable() == null || in.claimable())
                .bind("pointsPrice", Parameter.fromOrEmpty(in.pointsPrice(), Long.class))
                .bind("staffId", staffId).bind("at", at)
                .bindValues(early(in.earlyAccess()))
                .map(CouponRepository::toTemplate)
                .one();
    }

    /** The template with this id, whichever brand's. */
    public Mono<CouponTemplate> findTemplate(long id) {
        return db.sql("select * from coupon_template where id = :id")
                .bind("id", id).map(CouponRepository::toTemplate).one();
    }

    public Mono<CouponTemplate> findTemplate(long brandId, long id) {
        return db.sql("select * from coupon_template where brand_id = :brandId and id = :id")
                .bind("brandId", brandId).bind("id", id).map(CouponRepository::toTemplate).one();
    }

    /** The templates' filter as SQL on {@code coupon_template}, with its parameters bound by {@link #bindFilter}. */
    private static final String TEMPLATE_FILTER = """
            brand_id = :brandId
              and (cast(:archived as boolean) is null or (archived_at is not null) = :archived)
              and (cast(:kind as text) is null or kind = :kind)
              and (cast(:store as bigint) is null or store_ids is null or cardinality(store_ids) = 0
                   or :store = any(store_ids))
              and (cast(:search as text) is null or name ilike :search)
              and (cast(:claimable as boolean) is null or claimable = :claimable)
            """;

    /** A page of the brand's templates matching the filter, newest first, before id {@code beforeId}. */
    public Flux<CouponTemplate> templatePage(long brandId, CouponTemplateFilter f, String search, Long beforeId,
                                             int limit) {
        return bindFilter(db.sql("select * from coupon_template where " + TEMPLATE_FILTER
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit"),
                brandId, f, search)
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(CouponRepository::toTemplate).all();
    }

    public Mono<Long> countTemplates(long brandId, CouponTemplateFilter f, String search) {
        return bindFilter(db.sql("select count(*) as n from coupon_template where " + TEMPLATE_FILTER), brandId, f, search)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                                CouponTemplateFilter f, String search) {
        return spec.bind("brandId", brandId)
                .bind("archived", Parameter.fromOrEmpty(f.status() == null ? null
                        : f.status() == CouponTemplateFilter.ArchiveStatus.ARCHIVED, Boolean.class))
                .bind("kind", Parameter.fromOrEmpty(f.kind() == null ? null : f.kind().name(), String.class))
                .bind("store", Parameter.fromOrEmpty(f.storeId(), Long.class))
                .bind("search", Parameter.fromOrEmpty(search, String.class))
                .bind("claimable", Parameter.fromOrEmpty(f.claimable(), Boolean.class));
    }

    /** Saves what may change on a template after creation: name, stock, validity for future coupons, limit, centre. */
    public Mono<CouponTemplate> updateTemplate(long brandId, long id, CreateCouponTemplateInput in) {
        return db.sql("""
                        update coupon_template set name = :name, total_stock = :stock, valid_from = :validFrom,
                            valid_until = :validUntil, valid_days = :validDays, per_member_limit = :perMember,
                            claimable = :claimable, points_price = :pointsPrice, early_tier_levels = :earlyLevels,
                            early_from = :earlyFrom, general_from = :generalFrom
                        where brand_id = :brandId and id = :id
                          and :stockOrMax >= (select count(*) from member_coupon c where c.template_id = :id)
                        returning *
                        """)
                .bind("brandId", brandId).bind("id", id).bind("name", in.name().strip())
                .bind("stock", Parameter.fromOrEmpty(in.totalStock(), Integer.class))
                .bind("stockOrMax", in.totalStock() == null ? Integer.MAX_VALUE : in.totalStock())
                .bind("validFrom", Parameter.fromOrEmpty(in.validFrom(), Instant.class))
                .bind("validUntil", Parameter.fromOrEmpty(in.validUntil(), Instant.class))
                .bind("validDays", Parameter.fromOrEmpty(in.validDays(), Integer.class))
                .bind("perMember", in.perMemberLimit()).bind("claimable", in.claimable())
                .bind("pointsPrice", Parameter.fromOrEmpty(in.pointsPrice(), Long.class))
                .bindValues(early(in.earlyAccess()))
                .map(CouponRepository::toTemplate).one();
    }

    /** The early access's columns as parameters (all null without one). */
    private static Map<String, Parameter> early(CouponEarlyAccess e) {
        return Map.of("earlyLevels", Parameter.fromOrEmpty(e == null ? null : e.tierLevels().toArray(Integer[]::new),
                        Integer[].class),
                "earlyFrom", Parameter.fromOrEmpty(e == null ? null : e.earlyFrom(), Instant.class),
                "generalFrom", Parameter.fromOrEmpty(e == null ? null : e.generalFrom(), Instant.class));
    }

    /**
     * Templates of the coupon centre in their early window at {@code now} whose early tiers were not
     * all told yet (a tier added since is told too).
     */
    public Flux<CouponTemplate> earlyAccessToAnnounce(Instant now) {
        return db.sql("""
                        select * from coupon_template
                        where early_tier_levels is not null and general_from > :now and early_from <= :now
                          and enabled and archived_at is null and (claimable or points_price is not null)
                          and (valid_until is null or valid_until > :now)
                          and not (early_tier_levels <@ coalesce(early_notice_levels, '{}'))
                        order by id
                        """)
                .bind("now", now).map(CouponRepository::toTemplate).all();
    }

    /** Records that the members of these early tiers were told (unless the tiers changed meanwhile). */
    public Mono<Void> markEarlyNoticed(long templateId, List<Integer> levels) {
        return db.sql("""
                        update coupon_template set early_notice_levels = :levels
                        where id = :t and early_tier_levels = :levels
                        """)
                .bind("t", templateId).bind("levels", levels.toArray(Integer[]::new)).then();
    }

    /** Archives the template ({@code at}) or brings it back (null). */
    public Mono<CouponTemplate> setTemplateArchived(long brandId, long id, Instant at) {
        return db.sql("update coupon_template set archived_at = :at where brand_id = :brandId and id = :id returning *")
                .bind("brandId", brandId).bind("id", id).bind("at", Parameter.fromOrEmpty(at, Instant.class))
                .map(CouponRepository::toTemplate).one();
    }

    /** Coupons of a template redeemed at the till. */
    public record TemplateRedeemed(long templateId, long redeemed) {
    }

    public Flux<TemplateRedeemed> redeemed(List<Long> templateIds) {
        return db.sql("""
                        select template_id, count(*) as n from member_coupon
                        where template_id = any(:ids) and status = 'USED' group by template_id
                        """)
                .bind("ids", templateIds.toArray(Long[]::new))
                .map(row -> new TemplateRedeemed(row.get("template_id", Long.class), row.get("n", Long.class))).all();
    }

    public Flux<CouponTemplate> findTemplates(List<Long> ids) {
        return db.sql("select * from coupon_template where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new)).map(CouponRepository::toTemplate).all();
    }

    /** Templates members can claim or buy now, newest first. */
    public Flux<CouponTemplate> centre(long brandId, Instant now) {
        return db.sql("""
                        select * from coupon_template
                        where brand_id = :brandId and enabled and archived_at is null and (claimable or points_price is not null)
                          and (valid_until is null or valid_until > :now)
                        order by id desc
                        """)
                .bind("brandId", brandId).bind("now", now).map(CouponRepository::toTemplate).all();
    }

    /** How many coupons of each template were handed out (every way), by template id; absent when none. */
    public Mono<Map<Long, Long>> issuedCounts(java.util.Collection<Long> templateIds) {
        if (templateIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        select template_id, count(*) as n from member_coupon
                        where template_id = any(:ids) group by template_id
                        """)
                .bind("ids", templateIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("template_id", Long.class), row.get("n", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** What the stock gate of a template is built from: its stock, its coupons and the highest slot they hold. */
    public record StockState(Integer totalStock, long issued, int highestSlot) {
    }

    public Mono<StockState> stockState(long templateId) {
        return db.sql("""
                        select t.total_stock, (select count(*) from member_coupon c where c.template_id = t.id) as issued,
                               (select coalesce(max(stock_slot), 0) from member_coupon c where c.template_id = t.id) as top
                        from coupon_template t where t.id = :t
                        """)
                .bind("t", templateId)
                .map(row -> new StockState(row.get("total_stock", Integer.class), row.get("issued", Long.class),
                        row.get("top", Integer.class)))
                .one();
    }

    /** The slots 1..{@code upTo} no coupon of the template holds. */
    public Flux<Integer> freeSlots(long templateId, int upTo) {
        return db.sql("""
                        select s from generate_series(1, :upTo) s
                        where not exists (select 1 from member_coupon c where c.template_id = :t and c.stock_slot = s)
                        """)
                .bind("t", templateId).bind("upTo", upTo).map(row -> row.get("s", Integer.class)).all();
    }

    /** Whether a coupon of the template holds the slot. */
    public Mono<Boolean> slotHeld(long templateId, int slot) {
        return db.sql("select exists (select 1 from member_coupon where template_id = :t and stock_slot = :s) as held")
                .bind("t", templateId).bind("s", slot).map(row -> row.get("held", Boolean.class)).one();
    }

    /** Per member, how many of the template they have had (as their count holds it). */
    public Flux<MemberCount> memberCounts(long templateId) {
        return db.sql("select member_id, count from member_coupon_count where template_id = :t")
                .bind("t", templateId)
                .map(row -> new MemberCount(row.get("member_id", Long.class), row.get("count", Integer.class)))
                .all();
    }

    /** How many of a template one member has had. */
    public record MemberCount(long memberId, int count) {
    }

    /** Stocked templates that can still be handed out: those whose gates a reconcile rebuilds. */
    public Flux<Long> liveStockedTemplates(Instant now) {
        return db.sql("""
                        select id from coupon_template
                        where total_stock is not null and archived_at is null and (valid_until is null or valid_until > :now)
                        order by id
                        """)
                .bind("now", now).map(row -> row.get("id", Long.class)).all();
    }

    /** How many coupons of a template a member has had. */
    public record TemplateCount(long templateId, int count) {
    }

    /** How many of the template the member has had, per template. */
    public Flux<TemplateCount> countsFor(long memberId) {
        return db.sql("select template_id, count from member_coupon_count where member_id = :m")
                .bind("m", memberId)
                .map(row -> new TemplateCount(row.get("template_id", Long.class), row.get("count", Integer.class)))
                .all();
    }

    /** A coupon just inserted, and whether the member's count took it (false: they already held the limit). */
    public record Inserted(MemberCoupon coupon, boolean counted) {
    }

    /**
     * Inserts the member's coupon holding the stock slot (null for an unlimited template) and counts
     * it for the member, in one statement. Empty when nothing was inserted: the source key was
     * already used (a repeat), the slot is already held, or the slot is above the stock.
     */
    public Mono<Inserted> insertCoupon(long templateId, long memberId, String source, String sourceKey,
                                       Instant validFrom, Instant validUntil, Instant at, Long campaignId, Integer slot,
                                       int limit) {
        return db.sql("""
                        with c as (
                            insert into member_coupon (template_id, member_id, source, source_key, valid_from,
                                                       valid_until, obtained_at, campaign_id, stock_slot)
                            select :t, :m, :source, :key, :from, :until, :at, :campaign, :slot
                            from coupon_template t
                            where t.id = :t and (cast(:slot as int) is null or :slot <= t.total_stock)
                            on conflict do nothing
                            returning *),
                        n as (
                            insert into member_coupon_count (template_id, member_id, count) select :t, :m, 1 from c
                            on conflict (template_id, member_id) do update set count = member_coupon_count.count + 1
                            where member_coupon_count.count < :limit
                            returning 1)
                        select c.*, exists (select 1 from n) as counted from c
                        """)
                .bind("t", templateId).bind("m", memberId).bind("source", source).bind("key", sourceKey)
                .bind("from", validFrom).bind("until", validUntil).bind("at", at)
                .bind("campaign", Parameter.fromOrEmpty(campaignId, Long.class))
                .bind("slot", Parameter.fromOrEmpty(slot, Integer.class)).bind("limit", limit)
                .map(row -> new Inserted(toCoupon(row), Boolean.TRUE.equals(row.get("counted", Boolean.class)))).one();
    }

    /** Removes a coupon {@link #insertCoupon} inserted but the member's count refused, in the same transaction. */
    public Mono<Void> deleteUncounted(long couponId) {
        return db.sql("delete from member_coupon where id = :id").bind("id", couponId).then();
    }

    /** The coupons these purchases still use (a full refund gave back those it returned), by purchase id. */
    public Flux<Map.Entry<Long, MemberCoupon>> usedOn(java.util.Collection<Long> purchaseIds) {
        return db.sql("select * from member_coupon where purchase_id = any(:ids) order by id")
                .bind("ids", purchaseIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("purchase_id", Long.class), toCoupon(row)))
                .all();
    }

    public Flux<MemberCoupon> findCoupons(List<Long> ids) {
        return db.sql("select * from member_coupon where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new)).map(CouponRepository::toCoupon).all();
    }

    /** Marks the member's usable, valid coupons used by the purchase; returns how many it marked. */
    public Mono<Long> markUsed(long memberId, List<Long> ids, long purchaseId, Instant now) {
        return db.sql("""
                        update member_coupon set status = 'USED', used_at = :now, purchase_id = :p
                        where id = any(:ids) and member_id = :m and status = 'USABLE'
                          and valid_from <= :now and valid_until > :now
                        """)
                .bind("ids", ids.toArray(Long[]::new)).bind("m", memberId).bind("p", purchaseId).bind("now", now)
                .fetch().rowsUpdated();
    }

    /** Gives back the purchase's coupons that are still valid. */
    public Mono<ReturnedCoupons> returnUsedBy(long purchaseId, Instant now) {
        return db.sql("""
                        update member_coupon set status = 'USABLE', used_at = null, purchase_id = null
                        where purchase_id = :p and valid_until > :now
                        """)
                .bind("p", purchaseId).bind("now", now).fetch().rowsUpdated()
                .flatMap(returned -> db.sql("select count(*) as n from member_coupon where purchase_id = :p")
                        .bind("p", purchaseId).map(row -> row.get("n", Long.class)).one()
                        .map(kept -> new ReturnedCoupons(returned, kept)));
    }

    /** Usable coupons expiring in {@code (from, until]}, with their template names. */
    public Flux<ExpiringCoupon> expiringBetween(Instant from, Instant until) {
        return db.sql("""
                        select c.id, c.member_id, c.valid_until, t.name from member_coupon c
                        join coupon_template t on t.id = c.template_id
                        where c.status = 'USABLE' and c.valid_until > :from and c.valid_until <= :until
                        order by c.id
                        """)
                .bind("from", from).bind("until", until)
                .map(row -> new ExpiringCoupon(row.get("id", Long.class), row.get("member_id", Long.class),
                        row.get("name", String.class), row.get("valid_until", Instant.class)))
                .all();
    }

    /** A usable coupon about to expire, for reminders. */
    public record ExpiringCoupon(long couponId, long memberId, String name, Instant validUntil) {
    }

    public Mono<MemberCoupon> findBySourceKey(long memberId, String sourceKey) {
        return db.sql("select * from member_coupon where member_id = :m and source_key = :key")
                .bind("m", memberId).bind("key", sourceKey).map(CouponRepository::toCoupon).one();
    }

    /** A page of the member's coupons in a status at {@code now}, newest first, after id {@code beforeId}. */
    public Flux<MemberCoupon> coupons(long memberId, MemberCoupon.Status status, Instant now, Long beforeId, int limit) {
        return db.sql("select * from member_coupon where member_id = :m and " + where(status)
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit")
                .bind("m", memberId).bind("now", now)
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(CouponRepository::toCoupon).all();
    }

    public Mono<Long> countCoupons(long memberId, MemberCoupon.Status status, Instant now) {
        return db.sql("select count(*) as n from member_coupon where member_id = :m and " + where(status))
                .bind("m", memberId).bind("now", now).map(row -> row.get("n", Long.class)).one();
    }

    /** The member's coupons, for their data export. */
    public Mono<String> exportCoupons(long memberId) {
        return db.sql(PersonalData.asJsonArray("""
                        select mc.id, t.name as coupon, mc.status, mc.source, mc.valid_from, mc.valid_until, mc.obtained_at,
                               mc.used_at, mc.purchase_id
                        from member_coupon mc join coupon_template t on t.id = mc.template_id
                        where mc.member_id = :m order by mc.id
                        """))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static String where(MemberCoupon.Status status) {
        return switch (status) {
            case USABLE -> "status = 'USABLE' and valid_until > :now";
            case USED -> "status = 'USED' and cast(:now as timestamptz) is not null";
            case EXPIRED -> "status = 'USABLE' and valid_until <= :now";
        };
    }

    private static CouponTemplate toTemplate(Readable row) {
        Long[] stores = row.get("store_ids", Long[].class);
        String[] categories = row.get("categories", String[].class);
        return new CouponTemplate(
                row.get("id", Long.class), row.get("brand_id", Long.class), row.get("name", String.class),
                CouponTemplate.Kind.valueOf(row.get("kind", String.class)), row.get("amount_off_cents", Long.class),
                row.get("threshold_cents", Long.class), row.get("percent_off", Integer.class),
                row.get("max_discount_cents", Long.class), row.get("gift_name", String.class),
                row.get("valid_from", Instant.class), row.get("valid_until", Instant.class),
                row.get("valid_days", Integer.class), row.get("total_stock", Integer.class),
                row.get("per_member_limit", Integer.class),
                row.get("min_tier_level", Integer.class),
                stores == null ? null : Arrays.asList(stores), categories == null ? null : Arrays.asList(categories),
                CouponTemplate.Channel.valueOf(row.get("channel", String.class)),
                Boolean.TRUE.equals(row.get("stackable", Boolean.class)),
                Boolean.TRUE.equals(row.get("claimable", Boolean.class)), row.get("points_price", Long.class),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)), row.get("archived_at", Instant.class),
                toEarlyAccess(row));
    }

    private static CouponEarlyAccess toEarlyAccess(Readable row) {
        Integer[] levels = row.get("early_tier_levels", Integer[].class);
        return levels == null ? null : new CouponEarlyAccess(Arrays.asList(levels), row.get("early_from", Instant.class),
                row.get("general_from", Instant.class));
    }

    private static MemberCoupon toCoupon(Readable row) {
        return new MemberCoupon(row.get("id", Long.class), row.get("template_id", Long.class),
                row.get("member_id", Long.class), "USED".equals(row.get("status", String.class)),
                row.get("source", String.class), row.get("valid_from", Instant.class),
                row.get("valid_until", Instant.class), row.get("obtained_at", Instant.class),
                row.get("used_at", Instant.class));
    }
}

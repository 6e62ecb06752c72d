package com.loyalty.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * More rows for a {@link HandBuiltBrand}, for the analytics tests: staff and stores of the brand,
 * where members registered, tier changes and reviews, coupon templates and coupons used by purchases.
 * (Points go through the real PointsService: see the analytics tests' ledger helpers.)
 */
public final class HandBuiltEconomy {

    private final HandBuiltBrand brand;
    private final DatabaseClient db;
    private final PasswordEncoder passwords;
    private final ZoneId zone;

    public HandBuiltEconomy(HandBuiltBrand brand, DatabaseClient db, PasswordEncoder passwords, ZoneId zone) {
        this.brand = brand;
        this.db = db;
        this.passwords = passwords;
        this.zone = zone;
    }

    /** Noon business time on that day. */
    public Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }

    /** Another store of the brand; returns its id. */
    public long store(String name) {
        return id(db.sql("insert into store (brand_id, name) values (:b, :n) returning id")
                .bind("b", brand.brandId).bind("n", name + "-" + tag()));
    }

    /** A staff account of the brand (ADMIN: storeId null); returns its username. */
    public String staff(String role, Long storeId, String password) {
        String username = role.toLowerCase() + "-" + tag();
        db.sql("""
                        insert into staff (brand_id, store_id, username, password_hash, role)
                        values (:b, :s, :u, :p, :r)
                        """)
                .bind("b", brand.brandId).bind("s", Parameter.fromOrEmpty(storeId, Long.class)).bind("u", username)
                .bind("p", passwords.encode(password)).bind("r", role).then().block();
        return username;
    }

    /** Records that the member registered at the store. */
    public long registeredAt(long memberId, long storeId) {
        db.sql("update member set registration_store_id = :s where id = :m")
                .bind("s", storeId).bind("m", memberId).then().block();
        return memberId;
    }

    /** A purchase at another store of the brand, at noon of the day; returns its id. */
    public long purchaseAt(long storeId, long memberId, LocalDate day, long amountCents) {
        return brand.order(memberId, storeId, noon(day), amountCents);
    }

    /** Sets what coupons and points took off a purchase. */
    public void discounts(long purchaseId, long couponCents, long pointsRedeemed, long redeemedCents) {
        db.sql("""
                        update purchase set coupon_discount_cents = :c, points_redeemed = :p, redeemed_cents = :r
                        where id = :id
                        """)
                .bind("c", couponCents).bind("p", pointsRedeemed).bind("r", redeemedCents).bind("id", purchaseId)
                .then().block();
    }

    /** Refunds part of a purchase (only the purchase's refunded total, no points move). */
    public void refund(long purchaseId, long cents) {
        brand.refund(purchaseId, cents);
    }

    /** The default brand's tiers (普通, 银卡, 金卡, 黑钻) for this brand too. */
    public void tiers() {
        db.sql("""
                        insert into tier (brand_id, level, name, threshold_cents, points_multiplier, benefits)
                        select :b, level, name, threshold_cents, points_multiplier, benefits from tier where brand_id = 1
                        """)
                .bind("b", brand.brandId).then().block();
    }

    /** A recorded tier change at noon of the day (reviewMonth null: an upgrade right after a purchase). */
    public void tierChange(long memberId, int from, int to, LocalDate day, LocalDate reviewMonth) {
        db.sql("""
                        insert into tier_change (member_id, from_level, to_level, reason, review_month, created_at)
                        values (:m, :f, :t, 'hand-built', :month, :at)
                        """)
                .bind("m", memberId).bind("f", from).bind("t", to)
                .bind("month", Parameter.fromOrEmpty(reviewMonth, LocalDate.class)).bind("at", noon(day))
                .then().block();
        db.sql("""
                        insert into member_tier (member_id, level, since) values (:m, :t, :at)
                        on conflict (member_id) do update set level = excluded.level, since = excluded.since
                        """)
                .bind("m", memberId).bind("t", to).bind("at", noon(day)).then().block();
    }

    /** A monthly review of the member that kept or changed their level. */
    public void tierReview(long memberId, LocalDate month, int before, int after) {
        db.sql("""
                        insert into tier_review (member_id, review_month, average_cents, level_before, level_after,
                                                 months_below)
                        values (:m, :month, 0, :before, :after, 0)
                        """)
                .bind("m", memberId).bind("month", month).bind("before", before).bind("after", after)
                .then().block();
    }

    /** A manual tag of the brand on the members; returns its id. */
    public long tag(String name, long... memberIds) {
        long tagId = id(db.sql("insert into tag (brand_id, name, kind) values (:b, :n, 'MANUAL') returning id")
                .bind("b", brand.brandId).bind("n", name));
        for (long memberId : memberIds) {
            db.sql("insert into member_tag (member_id, tag_id, added_at) values (:m, :t, now())")
                    .bind("m", memberId).bind("t", tagId).then().block();
        }
        return tagId;
    }

    /** An amount-off coupon template of the brand; returns its id. */
    public long couponTemplate(String name, long amountOffCents) {
        return id(db.sql("""
                        insert into coupon_template (brand_id, name, kind, amount_off_cents, valid_days, created_by,
                                                     created_at)
                        values (:b, :n, 'AMOUNT_OFF', :a, 30, :staff, now()) returning id
                        """)
                .bind("b", brand.brandId).bind("n", name).bind("a", amountOffCents).bind("staff", brand.managerId));
    }

    /** A coupon the member got at noon of the day (valid 30 days); returns its id. */
    public long coupon(long templateId, long memberId, LocalDate day, Long campaignId) {
        return id(db.sql("""
                        insert into member_coupon (template_id, member_id, source, source_key, valid_from, valid_until,
                                                   obtained_at, campaign_id)
                        values (:t, :m, :src, :k, :at, :until, :at, :c) returning id
                        """)
                .bind("t", templateId).bind("m", memberId).bind("src", campaignId == null ? "ISSUE" : "CAMPAIGN")
                .bind("k", "hand-built:" + tag()).bind("at", noon(day)).bind("until", noon(day.plusDays(30)))
                .bind("c", Parameter.fromOrEmpty(campaignId, Long.class)));
    }

    /** Marks the coupon used by the purchase. */
    public void use(long couponId, long purchaseId) {
        db.sql("""
                        update member_coupon set status = 'USED', purchase_id = :p,
                            used_at = (select occurred_at from purchase where id = :p)
                        where id = :c
                        """)
                .bind("p", purchaseId).bind("c", couponId).then().block();
    }

    /**
     * A launched campaign from 00:00 of {@code startsOn} to 00:00 of {@code endsOn}: COUPON_PACK
     * (with an empty pack of its own) or POINTS (100 points); returns its id.
     */
    public long campaign(String name, String benefit, LocalDate startsOn, LocalDate endsOn) {
        Long pack = "COUPON_PACK".equals(benefit) ? id(db.sql("""
                        insert into coupon_pack (brand_id, name, created_by, created_at)
                        values (:b, :n, :staff, now()) returning id
                        """).bind("b", brand.brandId).bind("n", name).bind("staff", brand.managerId)) : null;
        return id(db.sql("""
                        insert into campaign (brand_id, name, starts_at, ends_at, audience_kind, audience_members,
                                              benefit_kind, pack_id, points, control_percent, launched_at, created_by,
                                              created_at)
                        values (:b, :n, :starts, :ends, 'MEMBERS', '{}', :benefit, :pack, :points, 10, :starts, :staff,
                                :starts) returning id
                        """)
                .bind("b", brand.brandId).bind("n", name)
                .bind("starts", startsOn.atStartOfDay(zone).toInstant()).bind("ends", endsOn.atStartOfDay(zone).toInstant())
                .bind("benefit", benefit).bind("pack", Parameter.fromOrEmpty(pack, Long.class))
                .bind("points", Parameter.fromOrEmpty("POINTS".equals(benefit) ? 100L : null, Long.class))
                .bind("staff", brand.managerId));
    }

    /** Puts the member in the campaign's audience: treated and reached at its start, or held out. */
    public void inCampaign(long campaignId, long memberId, boolean control) {
        db.sql("""
                        insert into campaign_member (campaign_id, member_id, in_control, reached_at)
                        select :c, :m, :control, case when :control then null else starts_at end
                        from campaign where id = :c
                        """)
                .bind("c", campaignId).bind("m", memberId).bind("control", control).then().block();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static long id(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map(row -> row.get("id", Long.class)).one().block();
    }
}

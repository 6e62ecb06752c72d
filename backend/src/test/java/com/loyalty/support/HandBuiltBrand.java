package com.loyalty.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A brand of its own with one store and a manager, filled row by row with members, purchases
 * (of members and of guests), check-ins, phones and points spent on chosen days, so that
 * brand-wide numbers (quintiles, counts) can be computed by hand.
 */
public final class HandBuiltBrand {

    private final DatabaseClient db;
    private final ZoneId zone;
    private final PasswordEncoder passwords;
    private final String password;
    public final long brandId;
    public final long storeId;
    public final long managerId;
    public final String managerUsername;

    public HandBuiltBrand(DatabaseClient db, PasswordEncoder passwords, ZoneId zone, String password) {
        this.db = db;
        this.zone = zone;
        this.passwords = passwords;
        this.password = password;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        brandId = id(db.sql("insert into brand (name) values (:n) returning id").bind("n", "brand-" + tag));
        storeId = id(db.sql("insert into store (brand_id, name) values (:b, :n) returning id")
                .bind("b", brandId).bind("n", "store-" + tag));
        managerUsername = "manager-" + tag;
        managerId = id(db.sql("""
                        insert into staff (brand_id, store_id, username, password_hash, role)
                        values (:b, :s, :u, :p, 'STORE_MANAGER') returning id
                        """)
                .bind("b", brandId).bind("s", storeId).bind("u", managerUsername)
                .bind("p", passwords.encode(password)));
    }

    /** A member who registered on that day (at 10:00 business time); returns their id. */
    public long member(String name, LocalDate registeredOn) {
        return member(name, registeredOn.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant(), "STORE", null);
    }

    /** A purchase on that day at noon business time, with one item of the category (if any); returns its id. */
    public long purchase(long memberId, LocalDate day, long amountCents, String category) {
        long id = order(memberId, storeId, day.atTime(LocalTime.NOON).atZone(zone).toInstant(), amountCents);
        if (category != null) {
            db.sql("""
                            insert into purchase_item (purchase_id, line_no, sku, name, category, quantity, unit_price_cents)
                            values (:p, 1, 'sku', 'item', :c, 1, :a)
                            """)
                    .bind("p", id).bind("c", category).bind("a", amountCents).then().block();
        }
        return id;
    }

    public long purchase(long memberId, LocalDate day, long amountCents) {
        return purchase(memberId, day, amountCents, null);
    }

    /** Another store of the brand; returns its id. */
    public long store(String name) {
        return id(db.sql("insert into store (brand_id, name) values (:b, :n) returning id")
                .bind("b", brandId).bind("n", name + "-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    /** A staff account of the brand (role CLERK or STORE_MANAGER at the store; ADMIN with storeId null), with the brand's password. */
    public String staff(String role, Long storeId) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("""
                        insert into staff (brand_id, store_id, username, password_hash, role)
                        values (:b, :s, :u, :p, :role)
                        """)
                .bind("b", brandId).bind("s", Parameter.fromOrEmpty(storeId, Long.class)).bind("u", username)
                .bind("p", passwords.encode(password)).bind("role", role).then().block();
        return username;
    }

    /** A member who registered at that instant through the channel, at the store (or none); returns their id. */
    public long member(String name, Instant registeredAt, String channel, Long storeId) {
        String tag = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id(db.sql("""
                        insert into member (brand_id, app_id, openid, nickname, registered_at, registration_channel,
                                            registration_store_id, invite_code, privacy_version, marketing_consent)
                        values (:b, 'hand-built', :o, :n, :at, :channel, :store, :code, 1, true) returning id
                        """)
                .bind("b", brandId).bind("o", "o-" + tag).bind("n", name).bind("at", registeredAt)
                .bind("channel", channel).bind("store", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("code", tag));
    }

    /** The member bound a phone at that instant. */
    public void phone(long memberId, Instant at) {
        db.sql("update member set phone_hash = :h, phone_bound_at = :at where id = :id")
                .bind("h", UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .bind("at", at).bind("id", memberId).then().block();
    }

    /** An order at the store at that instant, of the member or (memberId null) of a guest; returns its id. */
    public long order(Long memberId, long storeId, Instant at, long amountCents) {
        return id(db.sql("""
                        insert into purchase (brand_id, store_id, member_id, order_no, channel, amount_cents,
                                              occurred_at, recorded_by)
                        values (:b, :s, :m, :o, 'STORE', :a, :at, :staff) returning id
                        """)
                .bind("b", brandId).bind("s", storeId).bind("m", Parameter.fromOrEmpty(memberId, Long.class))
                .bind("o", UUID.randomUUID().toString()).bind("a", amountCents).bind("at", at)
                .bind("staff", managerId));
    }

    /** Refunds part of an order. */
    public void refund(long purchaseId, long cents) {
        db.sql("update purchase set refunded_cents = refunded_cents + :c where id = :id")
                .bind("c", cents).bind("id", purchaseId).then().block();
    }

    /** The member's check-in for the day, made at that instant (a make-up when made on a later day). */
    public void checkIn(long memberId, LocalDate day, Instant madeAt) {
        db.sql("""
                        insert into checkin (member_id, day, make_up, streak, points, created_at)
                        values (:m, :d, :makeUp, 1, 0, :at)
                        """)
                .bind("m", memberId).bind("d", day).bind("makeUp", !day.equals(LocalDate.ofInstant(madeAt, zone)))
                .bind("at", madeAt).then().block();
    }

    /**
     * The member spends points at that instant (kind REDEEM, COUPON_EXCHANGE or MAKE_UP; at the
     * store, or none): the ledger gets the points earned just before and the spend, so the
     * balance stays zero.
     */
    public void spendPoints(long memberId, Instant at, long points, String kind, Long storeId) {
        for (long delta : new long[] {points, -points}) {
            db.sql("""
                            insert into points_ledger (brand_id, member_id, kind, delta, store_id, created_at)
                            values (:b, :m, :kind, :d, :s, :at)
                            """)
                    .bind("b", brandId).bind("m", memberId).bind("kind", delta > 0 ? "ADJUST" : kind).bind("d", delta)
                    .bind("s", Parameter.fromOrEmpty(storeId, Long.class))
                    .bind("at", delta > 0 ? at.minusSeconds(60) : at).then().block();
        }
    }

    /** Noon of the day in business time. */
    public Instant noon(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(zone).toInstant();
    }

    /** A time of the day in business time. */
    public Instant at(LocalDate day, int hour, int minute, int second) {
        return day.atTime(hour, minute, second).atZone(zone).toInstant();
    }

    /** Marks the whole purchase refunded. */
    public void refundAll(long purchaseId) {
        db.sql("update purchase set refunded_cents = amount_cents where id = :id").bind("id", purchaseId)
                .then().block();
    }

    private static long id(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map(row -> row.get("id", Long.class)).one().block();
    }
}

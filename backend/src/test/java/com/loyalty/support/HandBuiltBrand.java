package com.loyalty.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A brand of its own with one store and a manager, filled row by row with members and purchases
 * on chosen days, so that brand-wide numbers (quintiles, counts) can be computed by hand.
 */
public final class HandBuiltBrand {

    private final DatabaseClient db;
    private final ZoneId zone;
    public final long brandId;
    public final long storeId;
    public final long managerId;
    public final String managerUsername;

    public HandBuiltBrand(DatabaseClient db, PasswordEncoder passwords, ZoneId zone, String password) {
        this.db = db;
        this.zone = zone;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        brandId = id(db.sql("insert into brand (name) values (:n) returning id").bind("n", "brand-" + tag));
        storeId = id(db.sql("insert into store (brand_id, name) values (:b, :n) returning id")
                .bind("b", brandId).bind("n", "store-" + tag));
        managerUsername = "manager-" + tag;
        managerId = id(db.sql("""
                        insert into staff (brand_id, store_id, username, password_hash, role)
                        values (:b, :s, :u, :p, 'MANAGER') returning id
                        """)
                .bind("b", brandId).bind("s", storeId).bind("u", managerUsername)
                .bind("p", passwords.encode(password)));
    }

    /** A member who registered on that day (at 10:00 business time); returns their id. */
    public long member(String name, LocalDate registeredOn) {
        String tag = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id(db.sql("""
                        insert into member (brand_id, app_id, openid, nickname, registered_at, registration_channel,
                                            invite_code)
                        values (:b, 'hand-built', :o, :n, :at, 'STORE', :code) returning id
                        """)
                .bind("b", brandId).bind("o", "o-" + tag).bind("n", name)
                .bind("at", registeredOn.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant())
                .bind("code", tag));
    }

    /** A purchase on that day at noon business time, with one item of the category (if any); returns its id. */
    public long purchase(long memberId, LocalDate day, long amountCents, String category) {
        long id = id(db.sql("""
                        insert into purchase (brand_id, store_id, member_id, order_no, channel, amount_cents,
                                              occurred_at, recorded_by)
                        values (:b, :s, :m, :o, 'STORE', :a, :at, :staff) returning id
                        """)
                .bind("b", brandId).bind("s", storeId).bind("m", memberId)
                .bind("o", UUID.randomUUID().toString()).bind("a", amountCents)
                .bind("at", day.atTime(LocalTime.NOON).atZone(zone).toInstant()).bind("staff", managerId));
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

    /** Marks the whole purchase refunded. */
    public void refundAll(long purchaseId) {
        db.sql("update purchase set refunded_cents = amount_cents where id = :id").bind("id", purchaseId)
                .then().block();
    }

    private static long id(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map(row -> row.get("id", Long.class)).one().block();
    }
}

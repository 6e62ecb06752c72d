package com.loyalty.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A bakery brand of its own, built row by row: stores A and B, a manager and a clerk at A, a
 * clerk at B, a brand admin, members who sign in through the fake WeChat (code dev-name), and
 * purchases with items on chosen days.
 */
final class BasketBrand {

    /** The catalogue: SKU to name and category. */
    static final Map<String, String[]> PRODUCTS = Map.of(
            "CAKE", new String[] {"生日蛋糕", "蛋糕"},
            "CANDLE", new String[] {"蜡烛", "配件"},
            "HAT", new String[] {"生日帽", "配件"},
            "TOAST", new String[] {"吐司", "面包"},
            "MILK", new String[] {"鲜牛奶", "饮品"},
            "CROISSANT", new String[] {"可颂", "面包"},
            "COFFEE", new String[] {"美式咖啡", "饮品"});

    private final DatabaseClient db;
    private final String appId;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    final long brandId;
    final long storeA;
    final long storeB;
    final String managerA;
    final String clerkA;
    final String clerkB;
    final String admin;
    private final long clerkAId;

    BasketBrand(DatabaseClient db, PasswordEncoder passwords, String password, String appId) {
        this.db = db;
        this.appId = appId;
        brandId = id(db.sql("insert into brand (name) values (:n) returning id").bind("n", "烘焙-" + tag));
        storeA = store("A");
        storeB = store("B");
        String hash = passwords.encode(password);
        managerA = "manager-a-" + tag;
        clerkA = "clerk-a-" + tag;
        clerkB = "clerk-b-" + tag;
        admin = "admin-" + tag;
        staff(managerA, storeA, "STORE_MANAGER", hash);
        clerkAId = staff(clerkA, storeA, "CLERK", hash);
        staff(clerkB, storeB, "CLERK", hash);
        staff(admin, null, "ADMIN", hash);
    }

    /** A member who signs in with code {@code dev-<name>}, registered at store A 60 days before {@code now}; their id. */
    long member(String name, Instant now) {
        return id(db.sql("""
                        insert into member (brand_id, app_id, openid, nickname, registered_at, registration_channel,
                                            registration_store_id, invite_code)
                        values (:b, :app, :o, :n, :at, 'STORE', :s, :code) returning id
                        """)
                .bind("b", brandId).bind("app", appId).bind("o", "o-fake-" + name).bind("n", name)
                .bind("at", now.minus(Duration.ofDays(60))).bind("s", storeA)
                .bind("code", "R" + UUID.randomUUID().toString().substring(0, 8)));
    }

    /** A purchase of one of each SKU at the store, {@code daysAgo} days before {@code now}. */
    void buy(long memberId, long storeId, Instant now, int daysAgo, List<String> skus) {
        long purchaseId = id(db.sql("""
                        insert into purchase (brand_id, store_id, member_id, order_no, channel, amount_cents,
                                              occurred_at, recorded_by)
                        values (:b, :s, :m, :o, 'STORE', :a, :at, :staff) returning id
                        """)
                .bind("b", brandId).bind("s", storeId).bind("m", memberId)
                .bind("o", UUID.randomUUID().toString()).bind("a", 1000L * skus.size())
                .bind("at", now.minus(Duration.ofDays(daysAgo))).bind("staff", clerkAId));
        for (int i = 0; i < skus.size(); i++) {
            String[] product = PRODUCTS.get(skus.get(i));
            db.sql("""
                            insert into purchase_item (purchase_id, line_no, sku, name, category, quantity, unit_price_cents)
                            values (:p, :n, :sku, :name, :category, 1, 1000)
                            """)
                    .bind("p", purchaseId).bind("n", i + 1).bind("sku", skus.get(i)).bind("name", product[0])
                    .bind("category", product[1]).then().block();
        }
    }

    /** The same basket {@code times} times, on days 1 to {@code times} before {@code now}. */
    void buyTimes(long memberId, Instant now, int times, String... skus) {
        for (int i = 1; i <= times; i++) {
            buy(memberId, storeA, now, i, List.of(skus));
        }
    }

    private long store(String name) {
        return id(db.sql("insert into store (brand_id, name) values (:b, :n) returning id")
                .bind("b", brandId).bind("n", name + "-" + tag));
    }

    private long staff(String username, Long storeId, String role, String hash) {
        return id(db.sql("""
                        insert into staff (brand_id, store_id, username, password_hash, role)
                        values (:b, :s, :u, :p, :r) returning id
                        """)
                .bind("b", brandId).bind("s", Parameter.fromOrEmpty(storeId, Long.class)).bind("u", username)
                .bind("p", hash).bind("r", role));
    }

    private static long id(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map(row -> row.get("id", Long.class)).one().block();
    }
}

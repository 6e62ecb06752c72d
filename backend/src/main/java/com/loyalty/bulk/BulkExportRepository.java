package com.loyalty.bulk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The rows of the exports, streamed from Postgres a thousand at a time (never the whole result in
 * memory): members with their tier, points and stored value; orders; the points ledger. A store's
 * members are those who registered or bought there; {@code storeId} null means the whole brand.
 * Phones come as ciphertext for the exporter to mask (or decrypt, when the caller may see them).
 */
@Repository
class BulkExportRepository {

    private static final int FETCH = 1000;

    private final DatabaseClient db;

    BulkExportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A row: its cells in header order, the phone ciphertext (null: none) at index {@code phoneAt}. */
    record Row(Object[] cells, byte[] phoneCipher) {
    }

    static final List<String> MEMBER_HEADER = List.of("会员ID", "手机号", "姓名", "性别", "生日", "等级", "积分余额",
            "储值余额（元）", "注册门店", "注册渠道", "注册时间");
    static final List<String> ORDER_HEADER = List.of("订单ID", "门店", "订单号", "会员ID", "手机号", "渠道", "金额（元）",
            "已退款（元）", "使用积分", "获得积分", "下单时间", "导入");
    static final List<String> LEDGER_HEADER = List.of("流水ID", "会员ID", "手机号", "类型", "积分变动", "原因", "门店",
            "到期时间", "时间");

    Flux<Row> members(long brandId, Long storeId, ZoneId zone) {
        return db.sql("""
                        select m.id, m.phone_cipher, m.nickname, m.gender, m.birthday, t.name as tier,
                               coalesce(p.balance, 0) as points,
                               coalesce(w.principal_cents + w.bonus_cents, 0) as stored_cents,
                               s.name as store, m.registration_channel, m.registered_at
                        from member m
                        left join member_tier mt on mt.member_id = m.id
                        left join tier t on t.brand_id = m.brand_id and t.level = coalesce(mt.level, 0)
                        left join member_points p on p.member_id = m.id
                        left join member_wallet w on w.member_id = m.id
                        left join store s on s.id = m.registration_store_id
                        where m.brand_id = :brand and m.closed_at is null
                          and (cast(:store as bigint) is null or m.registration_store_id = :store
                               or exists (select 1 from purchase o where o.member_id = m.id and o.store_id = :store))
                        order by m.id
                        """)
                .bind("brand", brandId).bind("store", Parameter.fromOrEmpty(storeId, Long.class))
                .filter((statement, next) -> next.execute(statement.fetchSize(FETCH)))
                .map(r -> new Row(new Object[] {r.get("id", Long.class), null, r.get("nickname", String.class),
                        gender(r.get("gender", String.class)), r.get("birthday", java.time.LocalDate.class),
                        r.get("tier", String.class), r.get("points", Long.class),
                        yuan(r.get("stored_cents", Long.class)), r.get("store", String.class),
                        channel(r.get("registration_channel", String.class)),
                        time(r.get("registered_at", Instant.class), zone)}, r.get("phone_cipher", byte[].class)))
                .all();
    }

    Flux<Row> orders(long brandId, Long storeId, Instant from, Instant to, ZoneId zone) {
        return db.sql("""
                        select o.id, s.name as store, o.order_no, o.member_id, m.phone_cipher, o.channel, o.amount_cents,
                               o.refunded_cents, o.points_redeemed, o.points_earned, o.occurred_at, o.imported
                        from purchase o
                        join store s on s.id = o.store_id
                        left join member m on m.id = o.member_id
                        where o.brand_id = :brand and (cast(:store as bigint) is null or o.store_id = :store)
                          and o.occurred_at >= :from and o.occurred_at < :to
                        order by o.id
                        """)
                .bind("brand", brandId).bind("store", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("from", from).bind("to", to)
                .filter((statement, next) -> next.execute(statement.fetchSize(FETCH)))
                .map(r -> new Row(new Object[] {r.get("id", Long.class), r.get("store", String.class),
                        r.get("order_no", String.class), r.get("member_id", Long.class), null,
                        r.get("channel", String.class), yuan(r.get("amount_cents", Long.class)),
                        yuan(r.get("refunded_cents", Long.class)), r.get("points_redeemed", Long.class),
                        r.get("points_earned", Long.class), time(r.get("occurred_at", Instant.class), zone),
                        Boolean.TRUE.equals(r.get("imported", Boolean.class)) ? "是" : "否"},
                        r.get("phone_cipher", byte[].class)))
                .all();
    }

    Flux<Row> ledger(long brandId, Long storeId, Instant from, Instant to, ZoneId zone) {
        return db.sql("""
                        select l.id, l.member_id, m.phone_cipher, l.kind, l.delta, l.reason, s.name as store, l.expires_at,
                               l.created_at
                        from points_ledger l
                        join member m on m.id = l.member_id
                        left join store s on s.id = l.store_id
                        where l.brand_id = :brand and l.created_at >= :from and l.created_at < :to
                          and (cast(:store as bigint) is null or m.registration_store_id = :store
                               or exists (select 1 from purchase o where o.member_id = m.id and o.store_id = :store))
                        order by l.id
                        """)
                .bind("brand", brandId).bind("store", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("from", from).bind("to", to)
                .filter((statement, next) -> next.execute(statement.fetchSize(FETCH)))
                .map(r -> new Row(new Object[] {r.get("id", Long.class), r.get("member_id", Long.class), null,
                        r.get("kind", String.class), r.get("delta", Long.class), r.get("reason", String.class),
                        r.get("store", String.class), time(r.get("expires_at", Instant.class), zone),
                        time(r.get("created_at", Instant.class), zone)}, r.get("phone_cipher", byte[].class)))
                .all();
    }

    private static String yuan(Long cents) {
        return cents == null ? "" : java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : at.atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }

    private static String gender(String g) {
        return switch (g == null ? "" : g) {
            case "MALE" -> "男";
            case "FEMALE" -> "女";
            default -> "未知";
        };
    }

    private static String channel(String c) {
        return switch (c == null ? "" : c) {
            case "MINI_PROGRAM" -> "小程序";
            case "STORE" -> "门店";
            case "IMPORT" -> "导入";
            default -> c;
        };
    }
}

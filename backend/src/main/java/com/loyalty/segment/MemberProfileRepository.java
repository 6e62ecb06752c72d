package com.loyalty.segment;

import com.loyalty.shared.Zip;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Sums up members' purchases for their staff-facing profiles (fully refunded orders left out). */
@Repository
class MemberProfileRepository {

    private static final int FAVOURITES = 3;

    private final DatabaseClient db;

    MemberProfileRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A member's orders not fully refunded: how many, their net total and the latest. */
    private record OrderTotals(long memberId, long orders, long netCents, Instant lastAt) {
    }

    /** Each member's summary, in one round of queries for the whole batch. */
    public Mono<Map<Long, PurchaseSummary>> summaries(Collection<Long> memberIds) {
        Long[] ids = memberIds.toArray(Long[]::new);
        var totals = db.sql("""
                        select member_id, count(*) as orders, sum(amount_cents - refunded_cents)::bigint as total,
                               max(occurred_at) as last_at
                        from purchase where member_id = any(:ids) and refunded_cents < amount_cents
                        group by member_id
                        """)
                .bind("ids", ids)
                .map(row -> new OrderTotals(row.get("member_id", Long.class), row.get("orders", Long.class),
                        row.get("total", Long.class), row.get("last_at", Instant.class)))
                .all().collectMap(OrderTotals::memberId);
        var categories = db.sql("""
                        select * from (
                            select p.member_id, i.category, count(distinct p.id) as orders,
                                   sum(i.quantity * i.unit_price_cents)::bigint as spend,
                                   row_number() over (partition by p.member_id
                                       order by count(distinct p.id) desc, sum(i.quantity * i.unit_price_cents) desc,
                                                i.category) as n
                            from purchase p join purchase_item i on i.purchase_id = p.id
                            where p.member_id = any(:ids) and p.refunded_cents < p.amount_cents and i.category is not null
                            group by p.member_id, i.category) ranked
                        where n <= :top order by member_id, n
                        """)
                .bind("ids", ids).bind("top", FAVOURITES)
                .map(row -> Map.entry(row.get("member_id", Long.class), new PurchaseSummary.CategoryCount(
                        row.get("category", String.class), row.get("orders", Long.class), row.get("spend", Long.class))))
                .all().collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
        var stores = db.sql("""
                        select * from (
                            select p.member_id, s.id, s.name, count(*) as orders,
                                   row_number() over (partition by p.member_id order by count(*) desc, s.id) as n
                            from purchase p join store s on s.id = p.store_id
                            where p.member_id = any(:ids) and p.refunded_cents < p.amount_cents
                            group by p.member_id, s.id, s.name) ranked
                        where n <= :top order by member_id, n
                        """)
                .bind("ids", ids).bind("top", FAVOURITES)
                .map(row -> Map.entry(row.get("member_id", Long.class), new PurchaseSummary.StoreCount(
                        row.get("id", Long.class), row.get("name", String.class), row.get("orders", Long.class))))
                .all().collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
        return Zip.of(totals, categories, stores, (totalsById, categoriesById, storesById) -> {
            Map<Long, PurchaseSummary> result = new HashMap<>();
            for (Long id : memberIds) {
                OrderTotals total = totalsById.get(id);
                long orders = total == null ? 0 : total.orders();
                long cents = total == null ? 0 : total.netCents();
                result.put(id, new PurchaseSummary(orders, cents, orders == 0 ? null : cents / orders,
                        total == null ? null : total.lastAt(),
                        List.copyOf(categoriesById.getOrDefault(id, List.of())),
                        List.copyOf(storesById.getOrDefault(id, List.of()))));
            }
            return result;
        });
    }
}

package com.loyalty.purchase;

import com.loyalty.points.EarnLine;
import com.loyalty.points.EarnRule;
import com.loyalty.points.Earning;
import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes purchases, their items and refunds. */
@Repository
class PurchaseRepository {

    private final DatabaseClient db;

    PurchaseRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Purchase> findByOrder(long storeId, String orderNo) {
        return db.sql("select * from purchase where store_id = :storeId and order_no = :orderNo")
                .bind("storeId", storeId).bind("orderNo", orderNo)
                .map(PurchaseRepository::toPurchase)
                .one();
    }

    public Mono<Purchase> findById(long id) {
        return db.sql("select * from purchase where id = :id").bind("id", id)
                .map(PurchaseRepository::toPurchase)
                .one();
    }

    /**
     * Which of a store's orders a list shows: those that happened in [{@code from}, {@code until}),
     * and, when {@code orderNoPattern} or {@code memberId} is given, whose order number matches the
     * ilike pattern or who the member is.
     */
    public record StoreOrderQuery(long storeId, Instant from, Instant until, String orderNoPattern, Long memberId) {

        private static final String WHERE = """
                 where store_id = :store and occurred_at >= :from and occurred_at < :until
                   and (cast(:pattern as text) is null and cast(:member as bigint) is null
                        or order_no ilike :pattern or member_id = :member)
                """;

        DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
            return spec.bind("store", storeId).bind("from", from).bind("until", until)
                    .bind("pattern", Parameter.fromOrEmpty(orderNoPattern, String.class))
                    .bind("member", Parameter.fromOrEmpty(memberId, Long.class));
        }
    }

    /** The store's orders the query matches, newest recorded first, below the id {@code beforeId} if given. */
    public Flux<Purchase> storeOrders(StoreOrderQuery query, Long beforeId, int limit) {
        return query.bind(db.sql("select * from purchase" + StoreOrderQuery.WHERE
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit"))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(PurchaseRepository::toPurchase)
                .all();
    }

    /** How many orders the query matches and what they add up to. */
    public Mono<StoreOrderPage.StoreOrderTotals> storeOrderTotals(StoreOrderQuery query) {
        return query.bind(db.sql("""
                        select count(*) as n, coalesce(sum(amount_cents), 0)::bigint as amount,
                               coalesce(sum(amount_cents - coupon_discount_cents - tier_discount_cents - redeemed_cents), 0)::bigint as paid,
                               coalesce(sum(refunded_cents), 0)::bigint as refunded
                        from purchase""" + StoreOrderQuery.WHERE))
                .map(row -> new StoreOrderPage.StoreOrderTotals(row.get("n", Long.class), row.get("amount", Long.class),
                        row.get("paid", Long.class), row.get("refunded", Long.class)))
                .one();
    }

    /** The member's orders, newest recorded first, below the id {@code beforeId} if given. */
    public Flux<Purchase> memberOrders(long memberId, Long beforeId, int limit) {
        return db.sql("select * from purchase where member_id = :m"
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit")
                .bind("m", memberId).bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(PurchaseRepository::toPurchase)
                .all();
    }

    public Mono<Long> countMemberOrders(long memberId) {
        return db.sql("select count(*) as n from purchase where member_id = :m").bind("m", memberId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** The lines of these purchases, in order. */
    public Flux<PurchaseLine> linesOf(java.util.Collection<Long> purchaseIds) {
        return db.sql("select * from purchase_item where purchase_id = any(:ids) order by purchase_id, line_no")
                .bind("ids", purchaseIds.toArray(Long[]::new))
                .map(row -> new PurchaseLine(row.get("purchase_id", Long.class), row.get("line_no", Integer.class),
                        row.get("sku", String.class), row.get("name", String.class), row.get("category", String.class),
                        row.get("quantity", Integer.class), row.get("unit_price_cents", Long.class)))
                .all();
    }

    /** The refunds of these purchases, oldest first. */
    public Flux<Refund> refundsOf(java.util.Collection<Long> purchaseIds) {
        return db.sql("select * from refund where purchase_id = any(:ids) order by purchase_id, id")
                .bind("ids", purchaseIds.toArray(Long[]::new))
                .map(PurchaseRepository::toRefund)
                .all();
    }

    /** Each member's latest purchases (at most {@code perMember}), newest first; at {@code storeId} only, if given. */
    public Flux<Purchase> latestOfMembers(java.util.Collection<Long> memberIds, int perMember, Long storeId) {
        return db.sql("""
                        select * from (
                            select p.*, row_number() over (partition by member_id order by occurred_at desc, id desc) as n
                            from purchase p
                            where member_id = any(:ids) and (cast(:store as bigint) is null or store_id = :store)) latest
                        where n <= :per order by member_id, n
                        """)
                .bind("ids", memberIds.toArray(Long[]::new)).bind("per", perMember)
                .bind("store", Parameter.fromOrEmpty(storeId, Long.class))
                .map(PurchaseRepository::toPurchase)
                .all();
    }

    /**
     * Inserts the purchase with what it earns and its lines ({@code in.itemList()}), in one statement,
     * unless the store already has that order number; empty in that case. {@code memberId} is null
     * for a guest order.
     */
    public Mono<Purchase> insertIfAbsent(long brandId, long storeId, Long memberId, RecordPurchaseInput in,
                                         Purchase.Channel channel, long pointsRedeemed, long redeemedCents,
                                         long couponDiscountCents, long tierDiscountCents, Instant occurredAt,
                                         Long staffId, Long clientId, Earning earning) {
        List<PurchaseItemInput> items = in.itemList();
        StringBuilder sql = new StringBuilder("""
                with p as (
                    insert into purchase (brand_id, store_id, member_id, order_no, channel, amount_cents,
                                          points_redeemed, redeemed_cents, coupon_discount_cents, occurred_at,
                                          recorded_by, recorded_by_client, points_earned, earn_breakdown,
                                          tier_discount_cents, rules_version)
                    values (:brandId, :storeId, :memberId, :orderNo, :channel, :amount,
                            :pointsRedeemed, :redeemedCents, :couponDiscount, :occurredAt, :staffId, :clientId,
                            :earned, :breakdown, :tierDiscount, :rulesVersion)
                    on conflict (store_id, order_no) do nothing
                    returning *)
                """);
        if (!items.isEmpty()) {
            sql.append(", lines as (insert into purchase_item (purchase_id, line_no, sku, name, category, quantity, "
                    + "unit_price_cents) select p.id, v.* from p, (values ");
            for (int i = 0; i < items.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('(').append(i + 1).append(", :sku").append(i)
                        .append(", :name").append(i).append(", :category").append(i)
                        .append(", cast(:quantity").append(i).append(" as int), cast(:price").append(i).append(" as bigint))");
            }
            sql.append(") v)\n");
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.append("select * from p").toString())
                .bind("earned", earning.points()).bind("breakdown", encode(earning.breakdown()))
                .bind("brandId", brandId).bind("storeId", storeId)
                .bind("memberId", Parameter.fromOrEmpty(memberId, Long.class))
                .bind("orderNo", in.orderNo()).bind("channel", channel.name()).bind("amount", in.amountCents())
                .bind("pointsRedeemed", pointsRedeemed).bind("redeemedCents", redeemedCents)
                .bind("couponDiscount", couponDiscountCents).bind("tierDiscount", tierDiscountCents)
                .bind("rulesVersion", Parameter.fromOrEmpty(earning.rulesVersion(), Integer.class))
                .bind("occurredAt", occurredAt).bind("staffId", Parameter.fromOrEmpty(staffId, Long.class))
                .bind("clientId", Parameter.fromOrEmpty(clientId, Long.class));
        for (int i = 0; i < items.size(); i++) {
            PurchaseItemInput item = items.get(i);
            spec = spec.bind("sku" + i, item.sku()).bind("name" + i, item.name())
                    .bind("category" + i, Parameter.fromOrEmpty(item.category(), String.class))
                    .bind("quantity" + i, item.quantity()).bind("price" + i, item.unitPriceCents());
        }
        return spec.map(PurchaseRepository::toPurchase).one();
    }

    /** Locks the order's row until the transaction ends, so refunds of a guest order apply one at a time. */
    public Mono<Void> lock(long purchaseId) {
        return db.sql("select id from purchase where id = :id for update").bind("id", purchaseId)
                .map(row -> row.get("id", Long.class)).one().then();
    }

    public Mono<Purchase> addRefunded(long purchaseId, long cents) {
        return db.sql("update purchase set refunded_cents = refunded_cents + :cents where id = :id returning *")
                .bind("id", purchaseId).bind("cents", cents)
                .map(PurchaseRepository::toPurchase)
                .one();
    }

    public Mono<Refund> findRefund(long purchaseId, String refundNo) {
        return db.sql("select * from refund where purchase_id = :p and refund_no = :r")
                .bind("p", purchaseId).bind("r", refundNo)
                .map(PurchaseRepository::toRefund)
                .one();
    }

    /** Points earlier refunds of a purchase took back of what it earned ({@code reversed}) and gave back of what it redeemed. */
    public record RefundedPoints(long reversed, long returned) {
    }

    public Mono<RefundedPoints> refundedPoints(long purchaseId) {
        return db.sql("""
                        select coalesce(sum(points_reversed), 0)::bigint as reversed,
                               coalesce(sum(points_returned), 0)::bigint as returned
                        from refund where purchase_id = :p
                        """)
                .bind("p", purchaseId)
                .map(row -> new RefundedPoints(row.get("reversed", Long.class), row.get("returned", Long.class)))
                .one();
    }

    public Mono<Refund> insertRefund(long purchaseId, String refundNo, long cents, long reversed, long returned,
                                     long couponsReturned, long couponsKept, long cash, Long staffId, Long clientId,
                                     Instant at) {
        return db.sql("""
                        insert into refund (purchase_id, refund_no, amount_cents, points_reversed, points_returned,
                                            coupons_returned, coupons_kept, cash_returned_cents, recorded_by,
                                            recorded_by_client, created_at)
                        values (:p, :r, :cents, :reversed, :returned, :couponsReturned, :couponsKept, :cash, :staffId,
                                :clientId, :at)
                        returning *
                        """)
                .bind("p", purchaseId).bind("r", refundNo).bind("cents", cents).bind("cash", cash)
                .bind("reversed", reversed).bind("returned", returned)
                .bind("couponsReturned", (int) couponsReturned).bind("couponsKept", (int) couponsKept)
                .bind("staffId", Parameter.fromOrEmpty(staffId, Long.class))
                .bind("clientId", Parameter.fromOrEmpty(clientId, Long.class)).bind("at", at)
                .map(PurchaseRepository::toRefund)
                .one();
    }

    /** The member's orders with their items and refunds, for their data export. */
    public Mono<String> exportOrders(long memberId) {
        return db.sql(PersonalData.asJsonArray("""
                        select p.id, p.order_no, p.store_id, p.channel, p.amount_cents, p.refunded_cents, p.occurred_at,
                               (select coalesce(json_agg(json_build_object('sku', i.sku, 'name', i.name, 'category', i.category,
                                       'quantity', i.quantity, 'unitPriceCents', i.unit_price_cents) order by i.line_no), '[]')
                                from purchase_item i where i.purchase_id = p.id) as items,
                               (select coalesce(json_agg(json_build_object('refundNo', r.refund_no, 'amountCents', r.amount_cents,
                                       'createdAt', r.created_at) order by r.id), '[]')
                                from refund r where r.purchase_id = p.id) as refunds
                        from purchase p where p.member_id = :m order by p.id
                        """))
                .bind("m", memberId).mapValue(String.class).one();
    }

    static String encode(List<EarnLine> lines) {
        return lines.stream().map(l -> l.rule() + ":" + l.factor() + ":" + l.points()).collect(Collectors.joining(","));
    }

    static List<EarnLine> decode(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(part -> part.split(":"))
                .map(p -> new EarnLine(EarnRule.valueOf(p[0]), Double.parseDouble(p[1]), Long.parseLong(p[2])))
                .toList();
    }

    private static Purchase toPurchase(Readable row) {
        return new Purchase(
                row.get("id", Long.class),
                row.get("brand_id", Long.class),
                row.get("store_id", Long.class),
                row.get("member_id", Long.class),
                row.get("order_no", String.class),
                Purchase.Channel.valueOf(row.get("channel", String.class)),
                row.get("amount_cents", Long.class),
                row.get("points_redeemed", Long.class),
                row.get("redeemed_cents", Long.class),
                row.get("points_earned", Long.class),
                decode(row.get("earn_breakdown", String.class)),
                row.get("refunded_cents", Long.class),
                row.get("occurred_at", Instant.class),
                row.get("coupon_discount_cents", Long.class),
                row.get("tier_discount_cents", Long.class),
                row.get("rules_version", Integer.class));
    }

    private static Refund toRefund(Readable row) {
        return new Refund(
                row.get("id", Long.class),
                row.get("purchase_id", Long.class),
                row.get("refund_no", String.class),
                row.get("amount_cents", Long.class),
                row.get("points_reversed", Long.class),
                row.get("points_returned", Long.class),
                row.get("coupons_returned", Integer.class),
                row.get("coupons_kept", Integer.class),
                row.get("cash_returned_cents", Long.class),
                row.get("created_at", Instant.class));
    }

    /** The items of a batch of imported orders, as columns; {@code order} is the order's index in the batch. */
    record ImportedItems(java.util.List<Long> order, java.util.List<Integer> lineNo, java.util.List<String> names,
                         java.util.List<Integer> quantities, java.util.List<Long> prices) {
    }

    /** Inserts the orders the stores have not got (and their items) in one statement; how many were new. */
    public Mono<Long> importAll(long brandId, long staffId, java.util.List<ImportedOrder> orders, ImportedItems items) {
        return db.sql("""
                        with input as (
                            select * from unnest(cast(:members as bigint[]), cast(:stores as bigint[]), cast(:orderNos as text[]),
                                                 cast(:ats as text[]), cast(:amounts as bigint[]))
                                with ordinality as t(member_id, store_id, order_no, at, amount, idx)),
                        added as (
                            insert into purchase (brand_id, store_id, member_id, order_no, channel, amount_cents, occurred_at,
                                                  recorded_by, imported)
                            select :brand, i.store_id, i.member_id, i.order_no, 'STORE', i.amount,
                                   cast(i.at as timestamptz), :staff, true
                            from input i
                            on conflict (store_id, order_no) do nothing
                            returning id, store_id, order_no),
                        lines as (
                            select * from unnest(cast(:itemOrder as bigint[]), cast(:lineNo as int[]), cast(:names as text[]),
                                                 cast(:quantities as int[]), cast(:prices as bigint[]))
                                as l(idx, line_no, name, quantity, price)),
                        items as (
                            insert into purchase_item (purchase_id, line_no, sku, name, quantity, unit_price_cents)
                            select a.id, l.line_no, l.name, l.name, l.quantity, l.price
                            from lines l join input i on i.idx = l.idx + 1
                                         join added a on a.store_id = i.store_id and a.order_no = i.order_no
                            returning purchase_id)
                        select count(*) + 0 * (select count(*) from items) as n from added
                        """)
                .bind("brand", brandId).bind("staff", staffId)
                .bind("members", orders.stream().map(ImportedOrder::memberId).toArray(Long[]::new))
                .bind("stores", orders.stream().map(ImportedOrder::storeId).toArray(Long[]::new))
                .bind("orderNos", orders.stream().map(ImportedOrder::orderNo).toArray(String[]::new))
                .bind("ats", orders.stream().map(o -> o.occurredAt().toString()).toArray(String[]::new))
                .bind("amounts", orders.stream().map(ImportedOrder::amountCents).toArray(Long[]::new))
                .bind("itemOrder", items.order().toArray(Long[]::new))
                .bind("lineNo", items.lineNo().toArray(Integer[]::new))
                .bind("names", items.names().toArray(String[]::new))
                .bind("quantities", items.quantities().toArray(Integer[]::new))
                .bind("prices", items.prices().toArray(Long[]::new))
                .map(row -> row.get("n", Long.class))
                .one();
    }
}

package com.loyalty.coupon;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for coupon packs. */
@Repository
class CouponPackRepository {

    /**
     * The packs' filter as SQL on {@code coupon_pack p}; with {@code :store} only packs whose every
     * template is usable at that store (what its manager may see and issue).
     */
    private static final String FILTER = """
            p.brand_id = :b
              and (cast(:archived as boolean) is null or (p.archived_at is not null) = :archived)
              and (cast(:search as text) is null or p.name ilike :search)
              and (cast(:store as bigint) is null or not exists (
                   select 1 from coupon_pack_item i join coupon_template t on t.id = i.template_id
                   where i.pack_id = p.id and not (t.store_ids is null or cardinality(t.store_ids) = 0
                                                   or :store = any(t.store_ids))))
            """;

    private final DatabaseClient db;

    CouponPackRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Long> insertPack(long brandId, String name, long staffId, Instant at) {
        return db.sql("insert into coupon_pack (brand_id, name, created_by, created_at) values (:b, :n, :s, :at) "
                        + "returning id")
                .bind("b", brandId).bind("n", name).bind("s", staffId).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    public Mono<Void> insertItem(long packId, long templateId, int quantity) {
        return db.sql("insert into coupon_pack_item (pack_id, template_id, quantity) values (:p, :t, :q)")
                .bind("p", packId).bind("t", templateId).bind("q", quantity).then();
    }

    public Mono<Void> deleteItems(long packId) {
        return db.sql("delete from coupon_pack_item where pack_id = :p").bind("p", packId).then();
    }

    public Mono<Void> rename(long brandId, long packId, String name) {
        return db.sql("update coupon_pack set name = :n where brand_id = :b and id = :p")
                .bind("b", brandId).bind("p", packId).bind("n", name).then();
    }

    /** Archives the pack ({@code at}) or brings it back (null). */
    public Mono<Void> setArchived(long brandId, long packId, Instant at) {
        return db.sql("update coupon_pack set archived_at = :at where brand_id = :b and id = :p")
                .bind("b", brandId).bind("p", packId).bind("at", Parameter.fromOrEmpty(at, Instant.class)).then();
    }

    public Mono<CouponPack> find(long brandId, long packId) {
        return db.sql("select id, brand_id, name, archived_at from coupon_pack where brand_id = :b and id = :p")
                .bind("b", brandId).bind("p", packId).map(CouponPackRepository::toHead).one()
                .flatMap(head -> withItems(List.of(head)).map(list -> list.get(0)));
    }

    /** A page of the brand's packs matching the filter, newest first, before id {@code beforeId}. */
    public Mono<List<CouponPack>> page(long brandId, CouponPackFilter f, String search, Long store, Long beforeId,
                                       int limit) {
        return bindFilter(db.sql("select p.id, p.brand_id, p.name, p.archived_at from coupon_pack p where " + FILTER
                        + " and (cast(:before as bigint) is null or p.id < :before) order by p.id desc limit :limit"),
                brandId, f, search, store)
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(CouponPackRepository::toHead).all().collectList().flatMap(this::withItems);
    }

    public Mono<Long> count(long brandId, CouponPackFilter f, String search, Long store) {
        return bindFilter(db.sql("select count(*) as n from coupon_pack p where " + FILTER), brandId, f, search, store)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                                CouponPackFilter f, String search, Long store) {
        return spec.bind("b", brandId)
                .bind("archived", Parameter.fromOrEmpty(f.status() == null ? null
                        : f.status() == CouponTemplateFilter.ArchiveStatus.ARCHIVED, Boolean.class))
                .bind("search", Parameter.fromOrEmpty(search, String.class))
                .bind("store", Parameter.fromOrEmpty(store, Long.class));
    }

    /** The packs with their items, in one query for all of them. */
    private Mono<List<CouponPack>> withItems(List<CouponPack> heads) {
        if (heads.isEmpty()) {
            return Mono.just(heads);
        }
        return db.sql("select pack_id, template_id, quantity from coupon_pack_item where pack_id = any(:p) "
                        + "order by pack_id, template_id")
                .bind("p", heads.stream().map(CouponPack::id).toArray(Long[]::new))
                .map(row -> Map.entry(row.get("pack_id", Long.class), new CouponPack.Item(
                        row.get("template_id", Long.class), row.get("quantity", Integer.class))))
                .all().collectList()
                .map(rows -> {
                    Map<Long, List<CouponPack.Item>> byPack = rows.stream().collect(Collectors.groupingBy(
                            Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
                    return heads.stream().map(h -> new CouponPack(h.id(), h.brandId(), h.name(),
                            byPack.getOrDefault(h.id(), List.of()), h.archivedAt())).toList();
                });
    }

    private static CouponPack toHead(Readable row) {
        return new CouponPack(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("name", String.class), List.of(),
                row.get("archived_at", Instant.class));
    }
}

package com.loyalty.benefit;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the tiers' benefit versions and what members were given. */
@Repository
class TierBenefitRepository {

    private final DatabaseClient db;

    TierBenefitRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Each tier's latest version (none for a tier that never had one), with its items. */
    Flux<TierBenefits> current(long brandId) {
        return db.sql("""
                        select v.id, v.tier_level, v.version, v.created_by, v.created_at, i.template_id, i.quantity
                        from tier_benefit_version v left join tier_benefit_item i on i.version_id = v.id
                        where v.brand_id = :brand and v.version = (select max(version) from tier_benefit_version w
                                                                   where w.brand_id = v.brand_id and w.tier_level = v.tier_level)
                        order by v.tier_level, i.template_id
                        """)
                .bind("brand", brandId).map(TierBenefitRepository::toRow).all()
                .bufferUntilChanged(Row::versionId).map(TierBenefitRepository::toBenefits);
    }

    /** The tier's versions, newest first. */
    Flux<TierBenefits> history(long brandId, int level) {
        return db.sql("""
                        select v.id, v.tier_level, v.version, v.created_by, v.created_at, i.template_id, i.quantity
                        from tier_benefit_version v left join tier_benefit_item i on i.version_id = v.id
                        where v.brand_id = :brand and v.tier_level = :level
                        order by v.version desc, i.template_id
                        """)
                .bind("brand", brandId).bind("level", level).map(TierBenefitRepository::toRow).all()
                .bufferUntilChanged(Row::versionId).map(TierBenefitRepository::toBenefits);
    }

    /**
     * Saves the tier's next version with its items; one save of a tier at a time (an advisory lock for
     * the transaction), so versions count up without gaps.
     */
    Mono<Long> insert(long brandId, int level, List<TierBenefits.Item> items, long staffId, Instant at) {
        return db.sql("select pg_advisory_xact_lock(hashtext('tier_benefit:' || :brand || ':' || :level)) is not null as ok")
                .bind("brand", brandId).bind("level", level).map(row -> true).one()
                .then(db.sql("""
                                insert into tier_benefit_version (brand_id, tier_level, version, created_by, created_at)
                                select :brand, :level, coalesce(max(version), 0) + 1, :staff, :at from tier_benefit_version
                                where brand_id = :brand and tier_level = :level
                                returning id
                                """)
                        .bind("brand", brandId).bind("level", level).bind("staff", staffId).bind("at", at)
                        .map(row -> row.get("id", Long.class)).one())
                .flatMap(id -> items.isEmpty() ? Mono.just(id) : db.sql("""
                                insert into tier_benefit_item (version_id, template_id, quantity)
                                select :id, t, q from unnest(cast(:templates as bigint[]), cast(:quantities as int[])) as x(t, q)
                                """)
                        .bind("id", id)
                        .bind("templates", items.stream().map(TierBenefits.Item::couponTemplateId).toArray(Long[]::new))
                        .bind("quantities", items.stream().map(TierBenefits.Item::quantity).toArray(Integer[]::new))
                        .then().thenReturn(id));
    }

    /** Records what the member was given of a tier's benefit this month; false when it was already recorded. */
    Mono<Boolean> recordGrant(long memberId, LocalDate month, int level, long templateId, long versionId,
                              List<Long> couponIds, Instant at) {
        return db.sql("""
                        insert into tier_benefit_grant (member_id, month, tier_level, template_id, version_id, coupon_ids, given_at)
                        values (:member, :month, :level, :template, :version, :coupons, :at)
                        on conflict do nothing returning member_id
                        """)
                .bind("member", memberId).bind("month", month).bind("level", level).bind("template", templateId)
                .bind("version", versionId).bind("coupons", couponIds.toArray(Long[]::new)).bind("at", at)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** The coupons the member was given of the tier's benefits in the month, by template. */
    Mono<Map<Long, List<Long>>> granted(long memberId, LocalDate month, int level) {
        return db.sql("""
                        select template_id, coupon_ids from tier_benefit_grant
                        where member_id = :member and month = :month and tier_level = :level
                        """)
                .bind("member", memberId).bind("month", month).bind("level", level)
                .map(row -> Map.entry(row.get("template_id", Long.class), List.of(row.get("coupon_ids", Long[].class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The tier benefits the member was given, month by month, for their data export. */
    Mono<String> exportOf(long memberId) {
        return db.sql(com.loyalty.privacy.PersonalData.asJsonArray("""
                        select month, tier_level, template_id as coupon_template_id, coupon_ids, given_at
                        from tier_benefit_grant where member_id = :m order by month, tier_level, template_id"""))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private record Row(long versionId, int level, int version, Long createdBy, Instant createdAt, Long templateId,
                       Integer quantity) {
    }

    private static Row toRow(Readable row) {
        return new Row(row.get("id", Long.class), row.get("tier_level", Integer.class), row.get("version", Integer.class),
                row.get("created_by", Long.class), row.get("created_at", Instant.class), row.get("template_id", Long.class),
                row.get("quantity", Integer.class));
    }

    private static TierBenefits toBenefits(List<Row> rows) {
        Row first = rows.get(0);
        List<TierBenefits.Item> items = new ArrayList<>();
        for (Row r : rows) {
            if (r.templateId() != null) {
                items.add(new TierBenefits.Item(r.templateId(), r.quantity()));
            }
        }
        return new TierBenefits(first.versionId(), first.level(), first.version(), List.copyOf(items), first.createdBy(),
                first.createdAt());
    }
}

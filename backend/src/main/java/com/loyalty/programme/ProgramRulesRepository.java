package com.loyalty.programme;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for the rules versions, and for the {@code tier} table kept in step with the tiers of the
 * version in force (other modules join it by level for names and thresholds).
 */
@Repository
class ProgramRulesRepository {

    private final DatabaseClient db;
    private final JsonMapper json;
    /** Reads a stored rule set; its version and time come from their columns. */
    private final ObjectReader rulesReader;

    ProgramRulesRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
        this.rulesReader = json.readerFor(ProgramRules.class)
                .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Every version of the brand, cancelled ones too, oldest first. */
    public Flux<RulesVersion> versions(long brandId) {
        return db.sql("""
                        select version, effective_from, rules::text as rules, created_by, reason, created_at, cancelled_at
                        from programme_rules_version where brand_id = :b order by version
                        """)
                .bind("b", brandId).map(this::toVersion).all();
    }

    /** Up to {@code limit} versions below {@code beforeVersion} (null: from the newest), newest first. */
    public Flux<RulesVersion> page(long brandId, Integer beforeVersion, int limit) {
        return db.sql("""
                        select version, effective_from, rules::text as rules, created_by, reason, created_at, cancelled_at
                        from programme_rules_version where brand_id = :b and (cast(:before as int) is null or version < :before)
                        order by version desc limit :limit
                        """)
                .bind("b", brandId).bind("before", Parameter.fromOrEmpty(beforeVersion, Integer.class))
                .bind("limit", limit).map(this::toVersion).all();
    }

    public Mono<Long> count(long brandId) {
        return db.sql("select count(*) as n from programme_rules_version where brand_id = :b")
                .bind("b", brandId).map(row -> row.get("n", Long.class)).one();
    }

    /** Inserts the version; empty when that number is taken (another admin scheduled one first). */
    public Mono<RulesVersion> insert(long brandId, RulesVersion v) {
        return db.sql("""
                        insert into programme_rules_version (brand_id, version, effective_from, rules, created_by, reason,
                                                             created_at)
                        values (:b, :v, :from, cast(:rules as jsonb), :by, :reason, :at)
                        on conflict do nothing
                        returning version, effective_from, rules::text as rules, created_by, reason, created_at, cancelled_at
                        """)
                .bind("b", brandId).bind("v", v.version()).bind("from", v.effectiveFrom())
                .bind("rules", json.writeValueAsString(v.rules()))
                .bind("by", Parameter.fromOrEmpty(v.createdBy(), Long.class)).bind("reason", v.reason())
                .bind("at", v.createdAt())
                .map(this::toVersion).one();
    }

    /** Cancels a version not yet in force at {@code now}; empty when it is in force or cancelled already. */
    public Mono<RulesVersion> cancel(long brandId, int version, Instant now, long by) {
        return db.sql("""
                        update programme_rules_version set cancelled_at = :now, cancelled_by = :by
                        where brand_id = :b and version = :v and cancelled_at is null and effective_from > :now
                        returning version, effective_from, rules::text as rules, created_by, reason, created_at, cancelled_at
                        """)
                .bind("b", brandId).bind("v", version).bind("now", now).bind("by", by)
                .map(this::toVersion).one();
    }

    /** Puts one tier of the version in force into the {@code tier} table. */
    public Mono<Void> syncTier(long brandId, TierRule tier) {
        return db.sql("""
                        insert into tier (brand_id, level, name, threshold_cents, points_multiplier, benefits)
                        values (:b, :level, :name, :threshold, :multiplier, :benefits)
                        on conflict (brand_id, level) do update
                        set name = excluded.name, threshold_cents = excluded.threshold_cents,
                            points_multiplier = excluded.points_multiplier, benefits = excluded.benefits
                        where (tier.name, tier.threshold_cents, tier.points_multiplier, tier.benefits)
                              is distinct from (excluded.name, excluded.threshold_cents, excluded.points_multiplier,
                                                excluded.benefits)
                        """)
                .bind("b", brandId).bind("level", tier.level()).bind("name", tier.name())
                .bind("threshold", tier.thresholdCents())
                .bind("multiplier", java.math.BigDecimal.valueOf(tier.pointsMultiplier()))
                .bind("benefits", String.join("、", tier.benefits()))
                .then();
    }

    private RulesVersion toVersion(Readable row) {
        int version = row.get("version", Integer.class);
        Instant from = row.get("effective_from", Instant.class);
        ProgramRules rules = rulesReader.<ProgramRules>readValue(row.get("rules", String.class)).as(version, from);
        return new RulesVersion(version, from, row.get("created_by", Long.class), row.get("reason", String.class),
                row.get("created_at", Instant.class), row.get("cancelled_at", Instant.class), rules);
    }
}

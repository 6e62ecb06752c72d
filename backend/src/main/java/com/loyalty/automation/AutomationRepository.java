package com.loyalty.automation;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rules, the actions they took (one per rule, member and episode) and their runs. */
@Repository
class AutomationRepository {

    private final DatabaseClient db;

    AutomationRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<AutomationRule> rules(long brandId) {
        return db.sql("select * from automation_rule where brand_id = :b order by rule")
                .bind("b", brandId).map(AutomationRepository::toRule).all();
    }

    public Flux<Long> brandIds() {
        return db.sql("select distinct brand_id from automation_rule order by brand_id")
                .map(row -> row.get("brand_id", Long.class)).all();
    }

    public Mono<AutomationRule> update(long brandId, RuleName rule, boolean enabled, int threshold, Long packId,
                                       String message) {
        return db.sql("""
                        update automation_rule set enabled = :enabled, threshold = :t, pack_id = :pack, message = :message
                        where brand_id = :b and rule = :rule returning *
                        """)
                .bind("b", brandId).bind("rule", rule.name()).bind("enabled", enabled).bind("t", threshold)
                .bind("pack", Parameter.fromOrEmpty(packId, Long.class)).bind("message", message)
                .map(AutomationRepository::toRule).one();
    }

    /** Records that the rule acts on the member for the episode; empty when it already did. */
    public Mono<Long> recordAction(long brandId, RuleName rule, long memberId, String episode, LocalDate asOf,
                                   Instant at) {
        return db.sql("""
                        insert into automation_action (brand_id, rule, member_id, episode, acted_on, created_at)
                        values (:b, :rule, :m, :episode, :asOf, :at)
                        on conflict (rule, member_id, episode) do nothing returning id
                        """)
                .bind("b", brandId).bind("rule", rule.name()).bind("m", memberId).bind("episode", episode)
                .bind("asOf", asOf).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    public Mono<Void> setCoupons(long actionId, List<Long> couponIds) {
        return db.sql("update automation_action set coupon_ids = :ids where id = :id")
                .bind("id", actionId).bind("ids", couponIds.toArray(Long[]::new)).then();
    }

    public Mono<Void> recordRun(long brandId, RuleName rule, LocalDate asOf, long acted, long skipped,
                                long skippedPackArchived, Instant at) {
        return db.sql("""
                        insert into automation_run (brand_id, rule, as_of, acted, skipped_no_consent,
                                                    skipped_pack_archived, ran_at)
                        values (:b, :rule, :asOf, :n, :skipped, :archived, :at)
                        """)
                .bind("b", brandId).bind("rule", rule.name()).bind("asOf", asOf).bind("n", acted)
                .bind("skipped", skipped).bind("archived", skippedPackArchived).bind("at", at)
                .then();
    }

    /** Whether the member consented to marketing (and has not closed their account). */
    public Mono<Boolean> marketingConsent(long memberId) {
        return db.sql("select marketing_consent and closed_at is null as ok from member where id = :m")
                .bind("m", memberId).map(row -> Boolean.TRUE.equals(row.get("ok", Boolean.class))).one()
                .defaultIfEmpty(false);
    }

    /**
     * A rule's run: the date it ran for, how many members it acted on, skipped without marketing
     * consent, and skipped because the rule's coupon pack (or a coupon in it) is archived.
     */
    public record Run(RuleName rule, LocalDate asOf, long acted, Instant ranAt, long skippedNoConsent,
                      long skippedPackArchived) {
    }

    /** Each rule's latest runs, newest first. */
    public Flux<Run> latestRuns(long brandId, int perRule) {
        return db.sql("""
                        select * from (select r.*, row_number() over (partition by rule order by id desc) as n
                                       from automation_run r where brand_id = :b) latest
                        where n <= :per order by rule, n
                        """)
                .bind("b", brandId).bind("per", perRule)
                .map(row -> new Run(RuleName.valueOf(row.get("rule", String.class)), row.get("as_of", LocalDate.class),
                        row.get("acted", Integer.class), row.get("ran_at", Instant.class),
                        row.get("skipped_no_consent", Integer.class), row.get("skipped_pack_archived", Integer.class)))
                .all();
    }

    /** The automated actions taken for the member, for their data export. */
    public Mono<String> exportActions(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select rule, acted_on, coupon_ids from automation_action where member_id = :m order by id"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static AutomationRule toRule(Readable row) {
        return new AutomationRule(row.get("brand_id", Long.class), RuleName.valueOf(row.get("rule", String.class)),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)), row.get("threshold", Integer.class),
                row.get("pack_id", Long.class), row.get("message", String.class), row.get("id", Long.class));
    }
}

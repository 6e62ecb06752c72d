package com.loyalty.notify;

import com.loyalty.privacy.PersonalData;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of members' one-time subscribe-message consents, counted per template. */
@Repository
class ConsentRepository {

    private final DatabaseClient db;

    ConsentRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Adds one consent for each template. */
    public Mono<Void> grant(long memberId, Collection<String> templateIds, Instant at) {
        return Flux.fromIterable(templateIds)
                .concatMap(templateId -> db.sql("""
                                insert into subscribe_consent (member_id, template_id, remaining, updated_at)
                                values (:m, :t, 1, :at)
                                on conflict (member_id, template_id)
                                do update set remaining = subscribe_consent.remaining + 1, updated_at = :at
                                """)
                        .bind("m", memberId).bind("t", templateId).bind("at", at)
                        .then())
                .then();
    }

    /** Uses one consent; false when the member has none left for the template. */
    /** Deletes the member's consents to message templates (the member's account was erased). */
    public Mono<Void> forget(long memberId) {
        return db.sql("delete from subscribe_consent where member_id = :m").bind("m", memberId).then();
    }

    public Mono<Boolean> spend(long memberId, String templateId, Instant at) {
        return db.sql("""
                        update subscribe_consent set remaining = remaining - 1, updated_at = :at
                        where member_id = :m and template_id = :t and remaining > 0
                        """)
                .bind("m", memberId).bind("t", templateId).bind("at", at)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Gives back a consent a message did not use (WeChat did not deliver it). */
    public Mono<Void> giveBack(long memberId, String templateId, Instant at) {
        return grant(memberId, List.of(templateId), at);
    }

    /** Drops every consent for the template: the member turned its messages off in WeChat. */
    public Mono<Void> clear(long memberId, String templateId, Instant at) {
        return db.sql("update subscribe_consent set remaining = 0, updated_at = :at where member_id = :m and template_id = :t")
                .bind("m", memberId).bind("t", templateId).bind("at", at)
                .then();
    }

    /** The member's consents left, by template id. */
    public Mono<Map<String, Integer>> remaining(long memberId) {
        return db.sql("select template_id, remaining from subscribe_consent where member_id = :m")
                .bind("m", memberId)
                .map(row -> Map.entry(row.get("template_id", String.class), row.get("remaining", Integer.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The consents left of these members, by member and template id, in one query. */
    public Mono<Map<Long, Map<String, Integer>>> remainingOf(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select member_id, template_id, remaining from subscribe_consent where member_id = any(:m)")
                .bind("m", memberIds.toArray(Long[]::new))
                .map(row -> new Object[] {row.get("member_id", Long.class), row.get("template_id", String.class),
                        row.get("remaining", Integer.class)})
                .all()
                .collect(java.util.HashMap::new, (Map<Long, Map<String, Integer>> acc, Object[] r) ->
                        acc.computeIfAbsent((Long) r[0], k -> new java.util.HashMap<>()).put((String) r[1], (Integer) r[2]));
    }

    /** The member's subscribe-message consents, for their data export. */
    public Mono<String> exportConsents(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select template_id, remaining, updated_at from subscribe_consent where member_id = :m order by template_id"))
                .bind("m", memberId).mapValue(String.class).one();
    }
}

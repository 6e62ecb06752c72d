package com.loyalty.privacy;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for consents, account closure and erasure of a member's personal fields. */
@Repository
class PrivacyRepository {

    private final DatabaseClient db;

    PrivacyRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Consents> consents(long memberId, int currentVersion) {
        return db.sql("""
                        select privacy_version, privacy_accepted_at, marketing_consent, marketing_consent_at, closes_at
                        from member where id = :m and closed_at is null
                        """)
                .bind("m", memberId)
                .map(row -> toConsents(row, currentVersion))
                .one();
    }

    /** The consents of these members (closed accounts left out), in one query. */
    public Flux<MemberConsents> consentsOf(java.util.Collection<Long> memberIds, int currentVersion) {
        return db.sql("""
                        select id, privacy_version, privacy_accepted_at, marketing_consent, marketing_consent_at
                        from member where id = any(:m) and closed_at is null
                        """)
                .bind("m", memberIds.toArray(Long[]::new))
                .map(row -> new MemberConsents(row.get("id", Long.class), currentVersion,
                        row.get("privacy_version", Integer.class), row.get("privacy_accepted_at", Instant.class),
                        Boolean.TRUE.equals(row.get("marketing_consent", Boolean.class)),
                        row.get("marketing_consent_at", Instant.class)))
                .all();
    }

    /** Records acceptance of the notice version; true when it changed anything. */
    public Mono<Boolean> acceptNotice(long memberId, int version, Instant at) {
        return db.sql("""
                        update member set privacy_version = :v, privacy_accepted_at = :at
                        where id = :m and closed_at is null and (privacy_version is null or privacy_version < :v)
                        """)
                .bind("m", memberId).bind("v", version).bind("at", at)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Gives or withdraws marketing consent; true when it changed. */
    public Mono<Boolean> setMarketing(long memberId, boolean granted, Instant at) {
        return db.sql("""
                        update member set marketing_consent = :g, marketing_consent_at = :at
                        where id = :m and closed_at is null and marketing_consent <> :g
                        """)
                .bind("m", memberId).bind("g", granted).bind("at", at)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Void> recordEvent(long memberId, String consent, boolean granted, Integer version, Instant at) {
        return db.sql("""
                        insert into consent_event (member_id, consent, granted, version, created_at)
                        values (:m, :c, :g, :v, :at)
                        """)
                .bind("m", memberId).bind("c", consent).bind("g", granted)
                .bind("v", Parameter.fromOrEmpty(version, Integer.class)).bind("at", at)
                .then();
    }

    /** Starts the cooling-off period (kept when already pending); the time erasure is due. */
    public Mono<Instant> requestClosure(long memberId, Instant now, Instant closesAt) {
        return db.sql("""
                        update member set closure_requested_at = coalesce(closure_requested_at, :now),
                                          closes_at = coalesce(closes_at, :closesAt)
                        where id = :m and closed_at is null
                        returning closes_at
                        """)
                .bind("m", memberId).bind("now", now).bind("closesAt", closesAt)
                .map(row -> row.get("closes_at", Instant.class))
                .one();
    }

    /** When the member's account will be erased; empty when no closure is pending. */
    public Mono<Instant> pendingClosure(long memberId) {
        return db.sql("select closes_at from member where id = :m and closes_at is not null and closed_at is null")
                .bind("m", memberId).map(row -> row.get("closes_at", Instant.class)).one();
    }

    /** Cancels a pending closure; true when one was pending. */
    public Mono<Boolean> cancelClosure(long memberId) {
        return db.sql("""
                        update member set closure_requested_at = null, closes_at = null
                        where id = :m and closes_at is not null and closed_at is null
                        """)
                .bind("m", memberId).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Members whose cooling-off period ended by {@code now}. */
    public Flux<Long> closuresDue(Instant now) {
        return db.sql("select id from member where closes_at <= :now and closed_at is null order by id")
                .bind("now", now).map(row -> row.get("id", Long.class)).all();
    }

    /**
     * Erases the member's personal fields for good: nickname, avatar, phone (cipher and hash),
     * birthday, gender, openid and unionid (the openid becomes a unique tombstone, so the same
     * WeChat user signing in again registers afresh). The row, its id and what accounting and
     * analytics count (registration day, channel and store, when a phone was first bound) stay.
     * Empty when the closure was cancelled meanwhile.
     */
    public Mono<Long> erase(long memberId, Instant now) {
        return db.sql("""
                        update member set openid = 'closed:' || id || ':' || gen_random_uuid(), unionid = null,
                            nickname = null, avatar_url = null, phone_cipher = null, phone_hash = null,
                            birthday = null, birthday_changed_at = null, gender = 'UNKNOWN',
                            marketing_consent = false, marketing_consent_at = :now, closed_at = :now
                        where id = :m and closes_at <= :now and closed_at is null
                        returning id
                        """)
                .bind("m", memberId).bind("now", now)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /** The member's consent history, for their data export. */
    public Mono<String> exportConsents(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select consent, granted, version, created_at from consent_event where member_id = :m order by id"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static Consents toConsents(Readable row, int currentVersion) {
        return new Consents(currentVersion, row.get("privacy_version", Integer.class),
                row.get("privacy_accepted_at", Instant.class),
                Boolean.TRUE.equals(row.get("marketing_consent", Boolean.class)),
                row.get("marketing_consent_at", Instant.class), row.get("closes_at", Instant.class));
    }
}

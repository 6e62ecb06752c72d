package com.loyalty.member;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes member rows. */
@Repository
class MemberRepository {

    private final DatabaseClient db;

    MemberRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Member> findById(long id) {
        return db.sql("select * from member where id = :id")
                .bind("id", id)
                .map(MemberRepository::toMember)
                .one();
    }

    public Flux<Member> findByIds(java.util.Collection<Long> ids) {
        return db.sql("select * from member where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(MemberRepository::toMember)
                .all();
    }

    /** The brand's member with this phone number's keyed hash; empty when none has bound it. */
    public Mono<Long> idByPhoneHash(long brandId, byte[] phoneHash) {
        return db.sql("select id from member where brand_id = :brand and phone_hash = :hash")
                .bind("brand", brandId).bind("hash", phoneHash)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    public Mono<Member> findByOpenid(String appId, String openid) {
        return db.sql("select * from member where app_id = :appId and openid = :openid")
                .bind("appId", appId)
                .bind("openid", openid)
                .map(MemberRepository::toMember)
                .one();
    }

    /**
     * Inserts the member unless one with the same openid exists (a concurrent first login);
     * empty in that case. The inviter and store are kept only when they exist in the brand (the store
     * only while it is open).
     */
    public Mono<Member> insertIfAbsent(NewMember m, String inviteCode) {
        return db.sql("""
                        insert into member (brand_id, app_id, openid, unionid, registered_at, registration_channel,
                                            registration_store_id, invite_code, inviter_id)
                        values (:brandId, :appId, :openid, :unionid, :registeredAt,
                                -- a store that is not the brand's (unknown, or another brand's) is no store, and
                                -- neither is a closed one (its QR code still registers the member, without it)
                                case when :channel = 'STORE' and not exists
                                        (select 1 from store where id = :storeId and brand_id = :brandId and status = 'OPEN')
                                     then 'MINI_PROGRAM' else :channel end,
                                (select id from store where id = :storeId and brand_id = :brandId and status = 'OPEN'),
                                :inviteCode,
                                -- an erased account invites nobody (its code lives on in posters and chats)
                                (select id from member where invite_code = :inviterCode and brand_id = :brandId
                                                       and closed_at is null))
                        on conflict (app_id, openid) do nothing
                        returning *
                        """)
                .bind("brandId", m.brandId())
                .bind("appId", m.appId())
                .bind("openid", m.openid())
                .bind("unionid", Parameter.fromOrEmpty(m.unionid(), String.class))
                .bind("registeredAt", m.registeredAt())
                .bind("channel", m.channel().name())
                .bind("storeId", Parameter.fromOrEmpty(m.storeId(), Long.class))
                .bind("inviteCode", inviteCode)
                .bind("inviterCode", Parameter.fromOrEmpty(m.inviterCode(), String.class))
                .map(MemberRepository::toMember)
                .one();
    }

    /** Whether the member accepted a privacy notice (any version) and may store profile data. */
    public Mono<Boolean> privacyAccepted(long id) {
        return db.sql("select privacy_version is not null and closed_at is null as ok from member where id = :id")
                .bind("id", id)
                .map(row -> Boolean.TRUE.equals(row.get("ok", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    /** Records a unionid WeChat revealed after registration. */
    public Mono<Member> setUnionid(long id, String unionid) {
        return db.sql("update member set unionid = :unionid where id = :id returning *")
                .bind("id", id)
                .bind("unionid", unionid)
                .map(MemberRepository::toMember)
                .one();
    }

    /**
     * Applies profile edits in one statement. A birthday change is applied only when the
     * birthday is unset, unchanged, never changed before, or last changed before {@code changeAllowedBefore};
     * empty when that rule refuses it.
     */
    public Mono<Member> updateProfile(long id, ProfileChange change, Instant now, Instant changeAllowedBefore) {
        return db.sql("""
                        update member set
                            nickname = coalesce(:nickname, nickname),
                            avatar_url = coalesce(:avatarUrl, avatar_url),
                            gender = coalesce(:gender, gender),
                            birthday = coalesce(:birthday, birthday),
                            birthday_changed_at = case
                                when cast(:birthday as date) is null or birthday is null or birthday = :birthday
                                    then birthday_changed_at
                                else :now end
                        where id = :id
                          and (cast(:birthday as date) is null or birthday is null or birthday = :birthday
                               or birthday_changed_at is null or birthday_changed_at <= :allowedBefore)
                        returning *
                        """)
                .bind("id", id)
                .bind("nickname", Parameter.fromOrEmpty(change.nickname(), String.class))
                .bind("avatarUrl", Parameter.fromOrEmpty(change.avatarUrl(), String.class))
                .bind("gender", Parameter.fromOrEmpty(change.gender() == null ? null : change.gender().name(), String.class))
                .bind("birthday", Parameter.fromOrEmpty(change.birthday(), LocalDate.class))
                .bind("now", now)
                .bind("allowedBefore", changeAllowedBefore)
                .map(MemberRepository::toMember)
                .one();
    }

    /**
     * Stores the encrypted phone (and when the first one was bound); fails with
     * DuplicateKeyException when another member has it.
     */
    public Mono<Member> setPhone(long id, byte[] cipher, byte[] lookupHash, Instant at) {
        return db.sql("""
                        update member set phone_cipher = :cipher, phone_hash = :hash,
                                          phone_bound_at = coalesce(phone_bound_at, :at)
                        where id = :id returning *
                        """)
                .bind("id", id).bind("at", at)
                .bind("cipher", cipher)
                .bind("hash", lookupHash)
                .map(MemberRepository::toMember)
                .one();
    }

    /**
     * Inserts the imported members whose phone the brand has not got (registration channel IMPORT,
     * a placeholder openid until they sign in with WeChat) and fills the empty profile fields of
     * those who have it; a row that neither happened to (an invite code taken meanwhile) is left
     * out of the answer. One statement for the whole batch.
     */
    public Flux<ImportedMemberResult> importAll(long brandId, java.util.List<ImportedMember> rows,
                                                java.util.List<String> inviteCodes) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        int n = rows.size();
        String[] hashes = new String[n];
        String[] ciphers = new String[n];
        String[] names = new String[n];
        String[] birthdays = new String[n];
        String[] genders = new String[n];
        String[] stores = new String[n];
        String[] registered = new String[n];
        for (int i = 0; i < n; i++) {
            ImportedMember r = rows.get(i);
            hashes[i] = hex.formatHex(r.phoneHash());
            ciphers[i] = hex.formatHex(r.phoneCipher());
            names[i] = r.name();
            birthdays[i] = r.birthday() == null ? null : r.birthday().toString();
            genders[i] = r.gender() == null ? null : r.gender().name();
            stores[i] = r.storeId() == null ? null : r.storeId().toString();
            registered[i] = r.registeredAt().toString();
        }
        return db.sql("""
                        with input as (
                            select * from unnest(cast(:hashes as text[]), cast(:ciphers as text[]), cast(:names as text[]),
                                                 cast(:birthdays as text[]), cast(:genders as text[]), cast(:stores as text[]),
                                                 cast(:registered as text[]), cast(:codes as text[]))
                                as t(hash, cipher, name, birthday, gender, store, registered, code)),
                        ins as (
                            insert into member (brand_id, app_id, openid, nickname, phone_cipher, phone_hash, birthday, gender,
                                                registered_at, registration_channel, registration_store_id, invite_code)
                            select :brand, 'IMPORT', 'import:' || :brand || ':' || i.hash, i.name, decode(i.cipher, 'hex'),
                                   decode(i.hash, 'hex'), cast(i.birthday as date), coalesce(i.gender, 'UNKNOWN'),
                                   cast(i.registered as timestamptz), 'IMPORT', cast(i.store as bigint), i.code
                            from input i
                            where not exists (select 1 from member m
                                              where m.brand_id = :brand and m.phone_hash = decode(i.hash, 'hex'))
                            on conflict do nothing
                            returning id, phone_hash),
                        upd as (
                            update member m set nickname = coalesce(m.nickname, i.name),
                                                birthday = coalesce(m.birthday, cast(i.birthday as date)),
                                                gender = case when m.gender = 'UNKNOWN' then coalesce(i.gender, 'UNKNOWN')
                                                              else m.gender end
                            from input i
                            where m.brand_id = :brand and m.phone_hash = decode(i.hash, 'hex')
                            returning m.id, m.phone_hash)
                        select id, phone_hash, true as created from ins
                        union all
                        select id, phone_hash, false as created from upd
                        """)
                .bind("brand", brandId)
                .bind("hashes", hashes).bind("ciphers", ciphers).bind("names", names).bind("birthdays", birthdays)
                .bind("genders", genders).bind("stores", stores).bind("registered", registered)
                .bind("codes", inviteCodes.toArray(String[]::new))
                .map(row -> new ImportedMemberResult(row.get("phone_hash", byte[].class), row.get("id", Long.class),
                        Boolean.TRUE.equals(row.get("created", Boolean.class))))
                .all();
    }

    /** Which of these phone hashes a member of the brand has. */
    public Flux<ImportedMemberResult> existingPhoneHashes(long brandId, java.util.Collection<byte[]> hashes) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        return db.sql("""
                        select id, phone_hash from member
                        where brand_id = :brand
                          and phone_hash = any(select decode(h, 'hex') from unnest(cast(:hashes as text[])) as h)
                        """)
                .bind("brand", brandId)
                .bind("hashes", hashes.stream().map(hex::formatHex).toArray(String[]::new))
                .map(row -> new ImportedMemberResult(row.get("phone_hash", byte[].class), row.get("id", Long.class), false))
                .all();
    }

    /**
     * The imported member (channel IMPORT, no WeChat identity yet) with this phone, locked; empty
     * when the phone is nobody's or belongs to a member who signs in with WeChat already.
     */
    public Mono<Member> lockUnclaimedImport(long brandId, byte[] phoneHash) {
        return db.sql("""
                        select * from member where brand_id = :brand and phone_hash = :hash and app_id = 'IMPORT'
                                                and closed_at is null
                        for update
                        """)
                .bind("brand", brandId).bind("hash", phoneHash)
                .map(MemberRepository::toMember)
                .one();
    }

    /**
     * Moves the WeChat identity (app id, openid, unionid) and the privacy answers of the member who
     * just signed in ({@code from}, holding nothing yet) onto the imported member {@code to}, and
     * leaves {@code from} as a closed tombstone. Returns the imported member as they are now.
     */
    public Mono<Member> claimImport(long from, long to, Instant at) {
        // two statements: the openid must leave the new member before the imported one takes it
        return db.sql("""
                        update member s set openid = 'claimed:' || :to || ':' || s.id, unionid = null, closed_at = :at
                        from (select id, app_id, openid, unionid from member where id = :from for update) old
                        where s.id = old.id
                        returning old.app_id, old.openid, old.unionid
                        """)
                .bind("from", from).bind("to", to).bind("at", at)
                .map(row -> new String[] {row.get("app_id", String.class), row.get("openid", String.class),
                        row.get("unionid", String.class)})
                .one()
                .flatMap(identity -> db.sql("""
                                update member m set app_id = :appId, openid = :openid, unionid = :unionid,
                                                    privacy_version = s.privacy_version,
                                                    privacy_accepted_at = s.privacy_accepted_at,
                                                    marketing_consent = s.marketing_consent,
                                                    marketing_consent_at = s.marketing_consent_at,
                                                    phone_bound_at = coalesce(m.phone_bound_at, :at)
                                from member s
                                where m.id = :to and s.id = :from
                                returning m.*
                                """)
                        .bind("from", from).bind("to", to).bind("at", at)
                        .bind("appId", identity[0]).bind("openid", identity[1])
                        .bind("unionid", Parameter.fromOrEmpty(identity[2], String.class))
                        .map(MemberRepository::toMember)
                        .one());
    }

    static Member toMember(Readable row) {
        return new Member(
                row.get("id", Long.class),
                row.get("brand_id", Long.class),
                row.get("openid", String.class),
                row.get("unionid", String.class),
                row.get("nickname", String.class),
                row.get("avatar_url", String.class),
                row.get("phone_cipher", byte[].class),
                row.get("birthday", LocalDate.class),
                row.get("birthday_changed_at", Instant.class),
                Gender.valueOf(row.get("gender", String.class)),
                row.get("registered_at", Instant.class),
                RegistrationChannel.valueOf(row.get("registration_channel", String.class)),
                row.get("registration_store_id", Long.class),
                row.get("invite_code", String.class),
                row.get("inviter_id", Long.class));
    }
}

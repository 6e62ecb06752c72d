package com.loyalty.referral;

import com.loyalty.privacy.PersonalData;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for invitation rewards, invitees and shares. */
@Repository
class ReferralRepository {

    private final DatabaseClient db;

    ReferralRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Records the reward unless that invitee already has one of that kind; empty in that case. */
    public Mono<ReferralReward> insertIfAbsent(long inviterId, ReferralReward r, Instant at) {
        return db.sql("""
                        insert into referral_reward (inviter_id, invitee_id, kind, member_id, points, granted, created_at)
                        values (:inviter, :invitee, :kind, :member, :points, :granted, :at)
                        on conflict (invitee_id, kind) do nothing
                        returning invitee_id
                        """)
                .bind("inviter", inviterId).bind("invitee", r.inviteeId()).bind("kind", r.kind().name())
                .bind("member", r.memberId()).bind("points", r.points()).bind("granted", r.granted()).bind("at", at)
                .map(row -> r)
                .one();
    }

    /** Rewarded (granted) inviter events since {@code since}. */
    public Mono<Long> grantedSince(long inviterId, Instant since) {
        return db.sql("""
                        select count(*) as n from referral_reward
                        where inviter_id = :inviter and member_id = :inviter and granted and created_at >= :since
                        """)
                .bind("inviter", inviterId).bind("since", since)
                .map(row -> row.get("n", Long.class)).one();
    }

    public Mono<Long> purchases(long memberId) {
        return db.sql("select count(*) as n from purchase where member_id = :m")
                .bind("m", memberId).map(row -> row.get("n", Long.class)).one();
    }

    /** The viewer's invitees, newest first, after the invitee id {@code beforeId}. */
    public Flux<Invitation> invitees(long inviterId, Long beforeId, int limit) {
        return db.sql("""
                        select m.id, m.nickname, m.phone_hash is not null as phone_bound, m.registered_at,
                               (select count(*) from purchase p where p.member_id = m.id) as purchases
                        from member m
                        where m.inviter_id = :inviter and (cast(:before as bigint) is null or m.id < :before)
                        order by m.id desc limit :limit
                        """)
                .bind("inviter", inviterId)
                .bind("before", org.springframework.r2dbc.core.Parameter.fromOrEmpty(beforeId, Long.class))
                .bind("limit", limit)
                .map(row -> Invitation.masked(row.get("id", Long.class), row.get("nickname", String.class),
                        Boolean.TRUE.equals(row.get("phone_bound", Boolean.class)), row.get("purchases", Long.class),
                        row.get("registered_at", Instant.class)))
                .all();
    }

    public Flux<ReferralReward> rewardsOf(Collection<Long> inviteeIds) {
        return db.sql("select * from referral_reward where invitee_id = any(:ids) order by id")
                .bind("ids", inviteeIds.toArray(Long[]::new))
                .map(row -> new ReferralReward(row.get("invitee_id", Long.class),
                        RewardKind.valueOf(row.get("kind", String.class)), row.get("member_id", Long.class),
                        row.get("points", Long.class), Boolean.TRUE.equals(row.get("granted", Boolean.class))))
                .all();
    }

    public Mono<InviteStats> stats(long inviterId) {
        return db.sql("""
                        select count(*) as joined,
                               count(*) filter (where m.phone_hash is not null) as registered,
                               count(*) filter (where exists (select 1 from purchase p where p.member_id = m.id))
                                   as purchased,
                               (select coalesce(sum(points), 0)::bigint from referral_reward
                                where inviter_id = :inviter and member_id = :inviter and granted) as points
                        from member m where m.inviter_id = :inviter
                        """)
                .bind("inviter", inviterId)
                .map(row -> new InviteStats(row.get("joined", Long.class), row.get("registered", Long.class),
                        row.get("purchased", Long.class), row.get("points", Long.class)))
                .one();
    }

    /** The nickname of the brand's member with this invite code (not closed); empty when there is none. */
    public Mono<Optional<String>> inviterNickname(long brandId, String inviteCode) {
        return db.sql("""
                        select nickname from member
                        where brand_id = :brand and invite_code = :code and closed_at is null
                        """)
                .bind("brand", brandId).bind("code", inviteCode)
                .map(row -> Optional.ofNullable(row.get("nickname", String.class)))
                .one();
    }

    public Mono<Void> recordShare(long memberId, String page, Instant at) {
        return db.sql("insert into share_event (member_id, page, created_at) values (:m, :page, :at)")
                .bind("m", memberId).bind("page", page).bind("at", at).then();
    }

    /** The member's invitations (whether they invited or were invited, never who), for their data export. */
    public Mono<String> exportInvitations(long memberId) {
        return db.sql(PersonalData.asJsonArray("""
                        select kind, case when invitee_id = :m then 'INVITED_BY_A_FRIEND' else 'INVITED_A_FRIEND' end as role,
                               member_id = :m as rewarded_you, case when member_id = :m then points else 0 end as points,
                               granted, created_at
                        from referral_reward where inviter_id = :m or invitee_id = :m order by id
                        """))
                .bind("m", memberId).mapValue(String.class).one();
    }

    /** The pages the member shared, for their data export. */
    public Mono<String> exportShares(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select page, created_at from share_event where member_id = :m order by id"))
                .bind("m", memberId).mapValue(String.class).one();
    }
}

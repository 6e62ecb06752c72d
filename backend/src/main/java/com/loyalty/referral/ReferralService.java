package com.loyalty.referral;

import com.loyalty.programme.ProgramRulesService;
import com.loyalty.programme.ReferralRules;
import com.loyalty.member.Member;
import com.loyalty.member.MemberEvents;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseEvents;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Rewards invitations that became real members and buyers: the inviter when the invitee
 * completes registration and on the invitee's first purchase, the invitee with a welcome. Each
 * reward happens once per invitee; the inviter's rewards stop at daily and lifetime caps.
 * Locks are taken invitee first, then inviter (an inviter always registered earlier), so no
 * two flows wait on each other.
 */
@Service
class ReferralService implements MemberEvents, PurchaseEvents {

    private final ReferralRepository referrals;
    private final PointsService points;
    private final ProgramRulesService programme;
    private final BrandProperties brand;
    private final Clock clock;

    ReferralService(ReferralRepository referrals, PointsService points, ProgramRulesService programme,
                           BrandProperties brand, Clock clock) {
        this.referrals = referrals;
        this.points = points;
        this.programme = programme;
        this.brand = brand;
        this.clock = clock;
    }

    @Override
    public Mono<Void> phoneBound(Member invitee) {
        if (invitee.inviterId() == null) {
            return Mono.empty();
        }
        return reward(invitee, RewardKind.WELCOME, invitee.id(), rules().welcomePoints())
                .then(reward(invitee, RewardKind.REGISTERED, invitee.inviterId(), rules().registeredPoints()));
    }

    @Override
    public Mono<Void> purchaseRecorded(Purchase purchase, Member invitee) {
        if (invitee.inviterId() == null) {
            return Mono.empty();
        }
        return referrals.purchases(invitee.id())
                .filter(count -> count == 1)
                .flatMap(first -> reward(invitee, RewardKind.FIRST_PURCHASE, invitee.inviterId(),
                        rules().firstPurchasePoints()));
    }

    private Mono<Void> reward(Member invitee, RewardKind kind, long receiverId, long amount) {
        Instant now = clock.instant();
        boolean capped = kind != RewardKind.WELCOME;
        return points.lock(receiverId)
                .then(capped ? underCaps(receiverId, now) : Mono.just(true))
                .flatMap(granted -> referrals.insertIfAbsent(invitee.inviterId(),
                        new ReferralReward(invitee.id(), kind, receiverId, amount, granted), now))
                .filter(reward -> reward.granted() && reward.points() > 0)
                .flatMap(reward -> points.credit(new NewEntry(invitee.brandId(), receiverId, EntryKind.REFERRAL, null,
                        null, null, null, reason(kind), "referral:" + kind + ":" + invitee.id(), now),
                        reward.points(), points.expiryFor(now)))
                .then();
    }

    private Mono<Boolean> underCaps(long inviterId, Instant now) {
        Instant dayStart = LocalDate.ofInstant(now, brand.zone()).atStartOfDay(brand.zone()).toInstant();
        return Mono.zip(referrals.grantedSince(inviterId, dayStart), referrals.grantedSince(inviterId, Instant.EPOCH),
                (today, ever) -> today < rules().dailyCap() && ever < rules().lifetimeCap());
    }

    /** The invitation rewards and caps in force now (at the registration or the first purchase). */
    private ReferralRules rules() {
        return programme.rulesAt(clock.instant()).referral();
    }

    private static String reason(RewardKind kind) {
        return switch (kind) {
            case REGISTERED -> "好友完成注册";
            case FIRST_PURCHASE -> "好友首次消费";
            case WELCOME -> "受邀注册礼";
        };
    }
}

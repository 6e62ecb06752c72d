package com.loyalty.referral;

import com.loyalty.member.Member;
import java.time.Instant;

/** A member the viewer invited, as the viewer may see them: the nickname is masked. */
public record Invitation(long inviteeId, String nickname, boolean phoneBound, long purchases, Instant joinedAt) {

    /** The invitation with the invitee's nickname masked, as it may leave the server. */
    public static Invitation masked(long inviteeId, String nickname, boolean phoneBound, long purchases,
                                    Instant joinedAt) {
        return new Invitation(inviteeId, Member.mask(nickname), phoneBound, purchases, joinedAt);
    }

    /** How far the invitation went. */
    public enum Status { JOINED, REGISTERED, PURCHASED }

    public Status status() {
        return purchases > 0 ? Status.PURCHASED : phoneBound ? Status.REGISTERED : Status.JOINED;
    }
}

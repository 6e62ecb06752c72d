package com.loyalty.referral;

import java.time.Instant;

/** A member the viewer invited, as the viewer may see them: the nickname is masked. */
public record Invitation(long inviteeId, String nickname, boolean phoneBound, long purchases, Instant joinedAt) {

    /** The invitation with the invitee's nickname masked, as it may leave the server. */
    public static Invitation masked(long inviteeId, String nickname, boolean phoneBound, long purchases,
                                    Instant joinedAt) {
        return new Invitation(inviteeId, mask(nickname), phoneBound, purchases, joinedAt);
    }

    /** How far the invitation went. */
    public enum Status { JOINED, REGISTERED, PURCHASED }

    public Status status() {
        return purchases > 0 ? Status.PURCHASED : phoneBound ? Status.REGISTERED : Status.JOINED;
    }

    /** 小爱 becomes 小*; the viewer sees who joined but not their full name. */
    static String mask(String nickname) {
        if (nickname == null || nickname.isEmpty()) {
            return "微信用户";
        }
        int first = nickname.offsetByCodePoints(0, 1);
        return nickname.substring(0, first) + "*".repeat(Math.max(1, nickname.codePointCount(0, nickname.length()) - 1));
    }
}

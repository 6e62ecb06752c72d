package com.loyalty.shared.ratelimit;

/** Actions limited per member, staff member, machine client or client address, with what the limit counts. */
public enum RateLimitedAction {
    /** WeChat sign-ins from one client address. */
    MEMBER_LOGIN,
    /** Staff sign-in attempts for one username from one client address. */
    STAFF_LOGIN,
    /** Staff sign-in attempts from one client address, whatever the username. */
    STAFF_LOGIN_ADDRESS,
    /** Check-ins and make-up check-ins of one member. */
    CHECK_IN,
    /** Coupon claims and points exchanges of one member. */
    COUPON_CLAIM,
    /** Member codes scanned by one staff member. */
    MEMBER_CODE_SCAN,
    /** Stored-value payments and recharges of one member at tills. */
    WALLET_OPERATION,
    /** Member profiles ({@code member(id)}) read by one staff member: reading members one after another. */
    MEMBER_LOOKUP,
    /** Invitations looked up by invite code ({@code inviteWelcome}, no sign-in) from one client address. */
    INVITE_LOOKUP,
    /** Members' full phone numbers revealed to one staff member ({@code revealMemberPhone}, to call them). */
    MEMBER_PHONE_REVEAL,
    /** Images (avatars) uploaded by one member. */
    MEDIA_UPLOAD,
    /** Pictures of goods and events uploaded by one staff member from the console. */
    PICTURE_UPLOAD,
    /** Member codes issued to one member: each binds fresh digits in Redis for minutes. */
    MEMBER_CODE_ISSUE,
    /** Requests of one machine client (API client) with its access tokens. */
    CLIENT_REQUEST,
    /** Access tokens asked for by one machine client from one address ({@code POST /oauth/token}), right or wrong secret. */
    CLIENT_TOKEN
}

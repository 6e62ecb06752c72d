package com.loyalty.member;

import java.time.Instant;

/** What registration knows about a member before the first row exists. */
public record NewMember(
        long brandId,
        String appId,
        String openid,
        String unionid,
        Instant registeredAt,
        RegistrationChannel channel,
        Long storeId,
        String inviterCode) {
}

package com.loyalty.member;

import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.time.Instant;
import java.time.LocalDate;

/** A member of the brand: one identity across its stores and channels. */
public record Member(
        long id,
        long brandId,
        String openid,
        String unionid,
        String nickname,
        String avatarUrl,
        byte[] phoneCipher,
        LocalDate birthday,
        Instant birthdayChangedAt,
        Gender gender,
        Instant registeredAt,
        RegistrationChannel registrationChannel,
        Long registrationStoreId,
        String inviteCode,
        Long inviterId) {

    public Viewer viewer() {
        return new Viewer(id, Role.MEMBER, null, brandId);
    }
}

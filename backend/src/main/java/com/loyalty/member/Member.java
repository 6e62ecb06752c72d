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

    /** The nickname as other members may see it: 小爱 becomes 小*. */
    public String maskedNickname() {
        return mask(nickname);
    }

    /** Keeps the first character of a nickname and stars the rest; 微信用户 when there is none. */
    public static String mask(String nickname) {
        if (nickname == null || nickname.isEmpty()) {
            return "微信用户";
        }
        int first = nickname.offsetByCodePoints(0, 1);
        return nickname.substring(0, first) + "*".repeat(Math.max(1, nickname.codePointCount(0, nickname.length()) - 1));
    }

    public Viewer viewer() {
        return new Viewer(id, Role.MEMBER, null, brandId);
    }
}

package com.loyalty.automation;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code revealMemberPhone}: the member's full phone number, to call them. */
public record RevealMemberPhonePayload(String phone, List<UserError> userErrors) {

    public static RevealMemberPhonePayload of(String phone) {
        return new RevealMemberPhonePayload(phone, List.of());
    }

    public static RevealMemberPhonePayload failed(UserError error) {
        return new RevealMemberPhonePayload(null, List.of(error));
    }
}

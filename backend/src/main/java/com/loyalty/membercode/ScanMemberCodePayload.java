package com.loyalty.membercode;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code scanMemberCode}. */
public record ScanMemberCodePayload(MemberCard card, List<UserError> userErrors) {

    public static ScanMemberCodePayload of(MemberCard card) {
        return new ScanMemberCodePayload(card, List.of());
    }

    public static ScanMemberCodePayload failed(UserError error) {
        return new ScanMemberCodePayload(null, List.of(error));
    }
}

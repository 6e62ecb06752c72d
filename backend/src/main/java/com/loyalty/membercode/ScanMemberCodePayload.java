package com.loyalty.membercode;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code scanMemberCode}: the card, and the proof that lets the till spend for one order. */
public record ScanMemberCodePayload(MemberCard card, TillProofs.TillProof tillProof, List<UserError> userErrors) {

    public static ScanMemberCodePayload of(MemberCard card, TillProofs.TillProof tillProof) {
        return new ScanMemberCodePayload(card, tillProof, List.of());
    }

    public static ScanMemberCodePayload failed(UserError error) {
        return new ScanMemberCodePayload(null, null, List.of(error));
    }
}

package com.loyalty.benefit;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of setTierBenefits. */
public record TierBenefitsPayload(TierBenefits benefits, List<UserError> userErrors) {

    static TierBenefitsPayload of(TierBenefits benefits) {
        return new TierBenefitsPayload(benefits, List.of());
    }

    static TierBenefitsPayload failed(UserError error) {
        return new TierBenefitsPayload(null, List.of(error));
    }
}

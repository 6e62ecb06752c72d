package com.loyalty.benefit;

import java.util.List;

/** setTierBenefits' input: the tier and its coupons from now on (an empty list: none). */
public record SetTierBenefitsInput(Integer tierLevel, List<Item> items) {

    public record Item(Long couponTemplateId, Integer quantity) {
    }
}

package com.loyalty.lottery;

/** A prize as a marketer gives it. */
public record PrizeInput(Prize.Kind kind, String name, Long points, Long couponTemplateId, Integer stock,
                         Integer probabilityBp) {
}

package com.loyalty.lottery;

/** A prize as a marketer gives it: {@code goodsId} names the mall goods of a GOODS prize. */
public record PrizeInput(Prize.Kind kind, String name, Long points, Long couponTemplateId, Integer stock,
                         Integer probabilityBp, Long goodsId) {
}

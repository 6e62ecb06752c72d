package com.loyalty.mall;

/**
 * Whether the signed-in member may redeem the goods now, why not, how many units they hold against
 * the limit, and the most units they may ask for in one redemption now.
 */
public record MallGoodsForMember(boolean redeemable, String reason, int redeemed, int maxQuantity) {
}

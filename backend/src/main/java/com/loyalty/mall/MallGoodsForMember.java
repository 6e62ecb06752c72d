package com.loyalty.mall;

/** Whether the signed-in member may redeem the goods now, why not, and how many they hold against the limit. */
public record MallGoodsForMember(boolean redeemable, String reason, int redeemed) {
}

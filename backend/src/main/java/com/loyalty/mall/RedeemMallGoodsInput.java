package com.loyalty.mall;

/** A member's redemption: {@code quantity} units (null: one). */
public record RedeemMallGoodsInput(Long goodsId, Integer expectedVersion, Long storeId, MallAddressInput address,
                                   String idempotencyKey, Integer quantity) {
}

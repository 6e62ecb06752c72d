package com.loyalty.mall;

public record RedeemMallGoodsInput(Long goodsId, Integer expectedVersion, Long storeId, MallAddressInput address,
                                   String idempotencyKey) {
}

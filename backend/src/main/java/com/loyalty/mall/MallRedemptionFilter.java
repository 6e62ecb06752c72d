package com.loyalty.mall;

public record MallRedemptionFilter(MallRedemption.State state, Long storeId, Long goodsId,
                                   MallGoods.Fulfilment fulfilment) {

    static final MallRedemptionFilter NONE = new MallRedemptionFilter(null, null, null, null);

    MallRedemptionFilter atStore(Long store) {
        return new MallRedemptionFilter(state, store, goodsId, fulfilment);
    }
}

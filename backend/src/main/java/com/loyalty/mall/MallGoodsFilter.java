package com.loyalty.mall;

public record MallGoodsFilter(MallGoods.Status status, MallGoods.Fulfilment fulfilment, String search) {

    static final MallGoodsFilter NONE = new MallGoodsFilter(null, null, null);
}

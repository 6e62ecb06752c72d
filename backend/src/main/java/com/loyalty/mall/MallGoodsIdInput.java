package com.loyalty.mall;

public record MallGoodsIdInput(Long goodsId) {
}

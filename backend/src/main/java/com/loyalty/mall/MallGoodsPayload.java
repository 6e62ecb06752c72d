package com.loyalty.mall;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

public record MallGoodsPayload(MallGoods goods, List<UserError> userErrors) {

    static MallGoodsPayload of(MallGoods goods) {
        return new MallGoodsPayload(goods, List.of());
    }

    static MallGoodsPayload failed(UserError error) {
        return new MallGoodsPayload(null, List.of(error));
    }
}

package com.loyalty.bulk;

import java.util.List;

/** The columns of an order history file (docs/integration.md "Importing members"): the member by phone or 会员编号. */
enum OrderField implements Columns.Field {
    PHONE(false, "手机号", "手机", "phone"),
    MEMBER_NO(false, "会员编号", "会员号", "卡号", "memberNo", "member_no"),
    STORE(true, "门店", "下单门店", "store"),
    ORDER_NO(true, "订单号", "单号", "orderNo", "order_no"),
    ORDERED_AT(true, "下单时间", "订单时间", "日期", "orderedAt", "ordered_at"),
    AMOUNT(true, "金额", "实付金额", "订单金额", "amount"),
    ITEMS(false, "商品", "商品明细", "items");

    private final boolean required;
    private final List<String> headers;

    OrderField(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean required() {
        return required;
    }
}

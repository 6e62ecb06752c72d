package com.loyalty.bulk;

import com.loyalty.shared.Csv;
import java.util.List;

/** The import templates offered for download: the headers and two example rows each. */
final class Templates {

    private Templates() {
    }

    static final List<String> MEMBER_HEADERS = List.of("手机号", "姓名", "生日", "性别", "等级", "积分", "积分到期日",
            "储值余额", "标签", "注册门店", "注册日期", "会员编号");

    static final List<String> ORDER_HEADERS = List.of("手机号", "会员编号", "门店", "订单号", "下单时间", "金额", "商品");

    /** The template's CSV (with the byte-order mark Excel needs), or null for an unknown name. */
    static String csv(String name) {
        return switch (name) {
            case "members" -> Csv.BOM + Csv.line(MEMBER_HEADERS)
                    + Csv.line(List.of("13800138000", "张三", "1990-05-01", "男", "金卡", "1200", "2026-12-31", "88.50",
                            "咖啡爱好者;老客", "徐汇店", "2019-03-15", "A0001"))
                    + Csv.line(List.of("13900139000", "李四", "", "女", "普通", "0", "", "0", "", "", "2021-07-01", "A0002"));
            case "orders" -> Csv.BOM + Csv.line(ORDER_HEADERS)
                    + Csv.line(List.of("13800138000", "", "徐汇店", "OLD-20240301-001", "2024-03-01 12:30", "68.00",
                            "拿铁*2*25;可颂*1*18"))
                    + Csv.line(List.of("", "A0002", "徐汇店", "OLD-20240302-007", "2024-03-02 09:10", "25.00", ""));
            default -> null;
        };
    }
}

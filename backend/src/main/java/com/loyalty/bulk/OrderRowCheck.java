package com.loyalty.bulk;

import com.loyalty.purchase.ImportedOrder;
import com.loyalty.shared.crypto.PhoneCipher;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks one row of an order history file, collecting its problems in Chinese. */
final class OrderRowCheck {

    static final int ORDER_NO_MAX = 64;
    static final int ITEMS_MAX = 100;

    private final Columns<OrderField> columns;
    private final BrandBook brand;
    private final Set<String> seen = new HashSet<>();

    OrderRowCheck(Columns<OrderField> columns, BrandBook brand) {
        this.columns = columns;
        this.brand = brand;
    }

    OrderRow check(long rowNo, List<String> cells, List<BulkProblem> problems) {
        int before = problems.size();
        for (String cell : cells) {
            if (cell != null && Cells.hasControl(cell)) {
                problems.add(new BulkProblem(rowNo, null, "这一行含有控制字符"));
                return null;
            }
        }
        String phoneText = columns.get(cells, OrderField.PHONE);
        String memberNo = columns.get(cells, OrderField.MEMBER_NO);
        String phone = null;
        if (phoneText != null) {
            phone = PhoneCipher.normalize(phoneText);
            if (phone == null) {
                problems.add(new BulkProblem(rowNo, "手机号", "手机号格式不正确：「" + MemberRowCheck.shown(phoneText) + "」"));
            }
        } else if (memberNo == null) {
            problems.add(new BulkProblem(rowNo, "手机号", "须填写手机号或会员编号"));
        }
        Long storeId = null;
        String storeText = columns.get(cells, OrderField.STORE);
        if (storeText == null) {
            problems.add(new BulkProblem(rowNo, "门店", "缺少门店"));
        } else {
            storeId = brand.store(storeText);
            if (storeId == null) {
                problems.add(new BulkProblem(rowNo, "门店", "未知门店「" + MemberRowCheck.shown(storeText) + "」"));
            }
        }
        String orderNo = columns.get(cells, OrderField.ORDER_NO);
        if (orderNo == null) {
            problems.add(new BulkProblem(rowNo, "订单号", "缺少订单号"));
        } else if (orderNo.length() > ORDER_NO_MAX) {
            problems.add(new BulkProblem(rowNo, "订单号", "订单号超过 " + ORDER_NO_MAX + " 个字符"));
        } else if (storeId != null && !seen.add(storeId + "\u0000" + orderNo)) {
            problems.add(new BulkProblem(rowNo, "订单号", "同一门店的订单号在文件中重复：" + orderNo));
        }
        Instant at = null;
        String atText = columns.get(cells, OrderField.ORDERED_AT);
        LocalDateTime parsed = atText == null ? null : Cells.dateTime(atText);
        if (parsed == null) {
            problems.add(new BulkProblem(rowNo, "下单时间", atText == null ? "缺少下单时间"
                    : "下单时间不是日期：「" + MemberRowCheck.shown(atText) + "」"));
        } else {
            at = parsed.atZone(brand.zone()).toInstant();
            if (parsed.getYear() < 1990 || at.isAfter(brand.now())) {
                problems.add(new BulkProblem(rowNo, "下单时间", "下单时间不在合理范围：" + parsed.toLocalDate()));
            }
        }
        String amountText = columns.get(cells, OrderField.AMOUNT);
        Long cents = amountText == null ? null : Cells.cents(amountText);
        if (cents == null || cents <= 0) {
            problems.add(new BulkProblem(rowNo, "金额", amountText == null ? "缺少金额"
                    : "金额应为大于 0 的金额（元，最多两位小数）：「" + MemberRowCheck.shown(amountText) + "」"));
        }
        List<ImportedOrder.Item> items = items(columns.get(cells, OrderField.ITEMS), rowNo, problems);
        if (problems.size() > before) {
            return null;
        }
        return new OrderRow(rowNo, phone, memberNo, storeId, orderNo, at, cents, items);
    }

    /** 商品: lines separated by ; each 名称*数量*单价 (数量 and 单价 optional: 1 and 0). */
    private static List<ImportedOrder.Item> items(String text, long rowNo, List<BulkProblem> problems) {
        if (text == null) {
            return List.of();
        }
        List<ImportedOrder.Item> items = new ArrayList<>();
        for (String line : text.split("[;；]")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[*×xX]");
            String name = parts[0].strip();
            Long quantity = parts.length > 1 ? Cells.whole(parts[1]) : Long.valueOf(1);
            Long price = parts.length > 2 ? Cells.cents(parts[2]) : Long.valueOf(0);
            if (name.isEmpty() || name.length() > 64 || quantity == null || quantity <= 0 || quantity > 10000
                    || price == null || price < 0) {
                problems.add(new BulkProblem(rowNo, "商品", "商品应写成「名称*数量*单价」，多个用分号隔开：「"
                        + MemberRowCheck.shown(line.strip()) + "」"));
                return List.of();
            }
            items.add(new ImportedOrder.Item(name, quantity.intValue(), price));
        }
        if (items.size() > ITEMS_MAX) {
            problems.add(new BulkProblem(rowNo, "商品", "一张订单最多 " + ITEMS_MAX + " 行商品"));
            return List.of();
        }
        return items;
    }
}

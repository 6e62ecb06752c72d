package com.loyalty.analytics.numbers;

import java.time.LocalDate;

/**
 * Sales of a period, members and guests (非会员): orders that are not fully refunded, sales net of
 * refunds, average order values (null without orders), the members' share of sales (会员贡献率),
 * buying members, repurchase rate and purchase frequency (null without buyers).
 */
public record SalesNumbers(LocalDate start, LocalDate end, int orders, long salesCents, Long averageOrderCents,
                           int memberOrders, long memberSalesCents, Long memberAverageOrderCents, int guestOrders,
                           long guestSalesCents, Long guestAverageOrderCents, Double memberSalesShare, int buyers,
                           int repeatBuyers, Double repurchaseRate, Double purchaseFrequency) {
}

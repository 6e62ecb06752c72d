package com.loyalty.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a machine client may be allowed to do (OAuth2 scopes). A GraphQL field admits a client with
 * {@code hasAuthority('SCOPE_<scope>')}; every field that names no scope is closed to clients.
 */
public final class ApiClientScopes {

    /** Record purchases (recordPurchase), with points and stored-value payment by the member's scanned code. */
    public static final String PURCHASES_WRITE = "purchases:write";
    /** Refund purchases (refundPurchase). */
    public static final String PURCHASES_REFUND = "purchases:refund";
    /** Redeem the member's coupons in a purchase (couponIds) and list those usable for an order (couponsForOrder). */
    public static final String COUPONS_REDEEM = "coupons:redeem";
    /** Read the orders of its stores (storeOrders, storeOrder). */
    public static final String ORDERS_READ = "orders:read";
    /**
     * Look a member up as a POS shows them (memberSummary): by the member code the till scanned (read,
     * not used up) or by member id (members of its stores; any of the brand's for a brand-wide client).
     */
    public static final String MEMBERS_READ = "members:read";

    /** Every scope with what it allows, in Chinese for the console. */
    public static final Map<String, String> DESCRIPTIONS;

    static {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put(PURCHASES_WRITE, "记录消费（含扫会员码后的积分抵现、储值支付）");
        scopes.put(PURCHASES_REFUND, "退货退款");
        scopes.put(COUPONS_REDEEM, "消费时核销会员的优惠券，查询订单可用券");
        scopes.put(ORDERS_READ, "查询所属门店的订单");
        scopes.put(MEMBERS_READ, "按会员码或会员编号查询会员（打码手机号、昵称、等级、积分、储值余额、可用券）");
        DESCRIPTIONS = java.util.Collections.unmodifiableMap(scopes);
    }

    private ApiClientScopes() {
    }

    /** Whether {@code scope} is one of ours. */
    public static boolean known(String scope) {
        return DESCRIPTIONS.containsKey(scope);
    }

    public static Set<String> all() {
        return DESCRIPTIONS.keySet();
    }
}

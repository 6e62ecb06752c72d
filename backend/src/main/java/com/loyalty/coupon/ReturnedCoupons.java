package com.loyalty.coupon;

/** What refunding a whole purchase did to its coupons: {@code returned} were still valid and given back, {@code kept} stay used. */
public record ReturnedCoupons(long returned, long kept) {

    /** A refund that leaves part of the order paid gives no coupons back. */
    public static final ReturnedCoupons NONE = new ReturnedCoupons(0, 0);
}

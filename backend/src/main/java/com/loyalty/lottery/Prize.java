package com.loyalty.lottery;

/**
 * A prize of one pool version: points, a coupon of a template, a points-mall goods item (GOODS: won
 * as a mall redemption at 0 points, picked up at any store), or 谢谢参与. Every kind but NOTHING has
 * its units in this version ({@code stock}, {@code remaining}).
 */
public record Prize(long id, long poolId, int position, Kind kind, String name, Long points, Long couponTemplateId,
                    int probabilityBp, Integer stock, Integer remaining, Long goodsId) {

    public enum Kind { POINTS, COUPON, GOODS, NOTHING }

    boolean inStock() {
        return kind == Kind.NOTHING || remaining != null && remaining > 0;
    }
}

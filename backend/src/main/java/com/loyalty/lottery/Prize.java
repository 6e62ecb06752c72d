package com.loyalty.lottery;

/**
 * A prize of one pool version. A GOODS kind (a points-mall item) is to be added beside COUPON when
 * the mall lands: a mall item id as COUPON has its template, stock and budget counted alike.
 */
public record Prize(long id, long poolId, int position, Kind kind, String name, Long points, Long couponTemplateId,
                    int probabilityBp, Integer stock, Integer remaining) {

    public enum Kind { POINTS, COUPON, NOTHING }

    boolean inStock() {
        return kind == Kind.NOTHING || remaining != null && remaining > 0;
    }
}

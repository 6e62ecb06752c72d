package com.loyalty.analytics.events;

import com.loyalty.analytics.shared.Ratios;

/**
 * Purchases of a group of members (attendees, or members who signed up and did not come) in the
 * window after events: members (once per event), those who bought, their orders and sales (order
 * totals less refunds, fully refunded orders left out).
 */
public record EventGroupPurchases(int members, int buyers, long orders, long salesCents) {

    static final EventGroupPurchases NONE = new EventGroupPurchases(0, 0, 0, 0);

    EventGroupPurchases plus(EventGroupPurchases o) {
        return new EventGroupPurchases(members + o.members, buyers + o.buyers, orders + o.orders, salesCents + o.salesCents);
    }

    /** buyers ÷ members; null with no members. */
    public Double buyerRate() {
        return Ratios.rate(buyers, members);
    }

    /** salesCents ÷ members, rounded down; null with no members. */
    public Long salesPerMemberCents() {
        return members == 0 ? null : salesCents / members;
    }
}

package com.loyalty.purchase;

import com.loyalty.shared.graphql.Pages;
import graphql.relay.Connection;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import java.util.List;

/** A page of a store's orders with the totals of every order the filter matches (not only this page's). */
public record StoreOrderPage(Pages.Page<Purchase> page, StoreOrderTotals totals) implements Connection<Purchase> {

    @Override
    public List<Edge<Purchase>> getEdges() {
        return page.edges();
    }

    @Override
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    public long totalCount() {
        return totals.count();
    }

    public long amountCents() {
        return totals.amountCents();
    }

    public long paidCents() {
        return totals.paidCents();
    }

    public long refundedCents() {
        return totals.refundedCents();
    }

    /** The count and sums of the orders a filter matches. */
    public record StoreOrderTotals(long count, long amountCents, long paidCents, long refundedCents) {
    }
}

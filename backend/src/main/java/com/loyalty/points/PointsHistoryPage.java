package com.loyalty.points;

import graphql.relay.Connection;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import java.util.List;

/** A Relay connection page of ledger entries, with the member's total entry count. */
public record PointsHistoryPage(List<Edge<LedgerEntry>> edges, PageInfo pageInfo, long totalCount)
        implements Connection<LedgerEntry> {

    @Override
    public List<Edge<LedgerEntry>> getEdges() {
        return edges;
    }

    @Override
    public PageInfo getPageInfo() {
        return pageInfo;
    }
}

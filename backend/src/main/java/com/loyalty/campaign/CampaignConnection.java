package com.loyalty.campaign;

import com.loyalty.shared.graphql.Pages;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import java.util.List;

/** A page of campaigns, newest first, with the total and the number of campaigns in each status. */
public record CampaignConnection(List<Edge<Campaign>> edges, PageInfo pageInfo, long totalCount,
                                 List<StatusCount> statusCounts) {

    /** How many campaigns matching the filter (its status aside) are in a status. */
    public record StatusCount(Campaign.Status status, long count) {
    }

    static CampaignConnection of(Pages.Page<Campaign> page, List<StatusCount> counts) {
        return new CampaignConnection(page.edges(), page.pageInfo(), page.totalCount(), counts);
    }
}

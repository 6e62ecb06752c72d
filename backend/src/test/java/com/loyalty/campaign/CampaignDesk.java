package com.loyalty.campaign;

import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A manager's or admin's campaign desk: creates and launches campaigns through the API. */
record CampaignDesk(HttpGraphQlTester staff) {

    /** Creates the campaign, checks it went through and returns its id. */
    String create(Map<String, Object> input) {
        return staff.document("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { "
                        + "campaign { id } userErrors { field code message } } }")
                .variable("input", input).execute()
                .path("createCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("createCampaign.campaign.id").entity(String.class).get();
    }

    GraphQlTester.Response launch(String campaign) {
        return staff.document("mutation($id: ID!) { launchCampaign(campaignId: $id) { campaign { launchedAt } "
                + "userErrors { code } } }").variable("id", campaign).execute();
    }
}

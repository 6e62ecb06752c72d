package com.loyalty.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A campaign reads back what it was set up with (audience lists, pack, points), so an editor can show a draft as it is. */
class CampaignSetUpReadBackTest extends IntegrationTest {

    private static final String SET_UP = "audience tiers memberIds tagIds stages segments "
            + "filter { tags tiers stages rfmSegments } benefit packId points multiplier";

    @Test
    void aDraftReadsBackTheTagsAndPointsItWasCreatedWith() {
        String tag = admin().documentName("createTag").variable("input", Map.of("name", unique("VIP"))).execute()
                .path("createTag.tag.id").entity(String.class).get();
        String campaign = create(Map.of("audience", "TAGS", "tagIds", List.of(tag), "benefit", "POINTS", "points", 50));

        read(admin(), campaign)
                .path("campaign.audience").entity(String.class).isEqualTo("TAGS")
                .path("campaign.tagIds").entityList(String.class).containsExactly(tag)
                .path("campaign.benefit").entity(String.class).isEqualTo("POINTS")
                .path("campaign.points").entity(Long.class).isEqualTo(50L)
                .path("campaign.packId").valueIsNull()
                .path("campaign.tiers").valueIsNull()
                .path("campaign.filter").valueIsNull();
    }

    @Test
    void aDraftChangedToAFilterAndAPackReadsBackTheNewSetUp() {
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "满100减10",
                        "kind", "AMOUNT_OFF", "amountOffCents", 1_000, "thresholdCents", 10_000, "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String pack = admin().document("mutation($t: ID!) { createCouponPack(input: { name: \"回流券包\", items: "
                        + "[{ templateId: $t, quantity: 1 }] }) { pack { id } } }")
                .variable("t", template).execute().path("createCouponPack.pack.id").entity(String.class).get();
        String campaign = create(Map.of("audience", "SEGMENTS", "segments", List.of("IMPORTANT_VALUE"),
                "benefit", "POINTS", "points", 10));

        admin().document("mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { "
                        + "campaign { " + SET_UP + " } userErrors { field code } } }")
                .variable("input", Map.of("campaignId", campaign, "audience", "FILTER",
                        "filter", Map.of("tiers", List.of(0), "stages", List.of("NEW", "ACTIVE")),
                        "benefit", "COUPON_PACK", "packId", pack))
                .execute().path("updateCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("updateCampaign.campaign.packId").entity(String.class).isEqualTo(pack);

        read(admin(), campaign)
                .path("campaign.audience").entity(String.class).isEqualTo("FILTER")
                .path("campaign.filter.tiers").entityList(Integer.class).containsExactly(0)
                .path("campaign.filter.stages").entityList(String.class).containsExactly("NEW", "ACTIVE")
                .path("campaign.filter.tags").valueIsNull()
                .path("campaign.segments").entityList(String.class).containsExactly("IMPORTANT_VALUE")
                .path("campaign.benefit").entity(String.class).isEqualTo("COUPON_PACK")
                .path("campaign.packId").entity(String.class).isEqualTo(pack);
    }

    @Test
    void aStoreManagerAndAMarketerReadTheSameSetUpAsTheAdmin() {
        List<String> members = List.of(idOf(member(unique("a"))), idOf(member(unique("b"))));
        String campaign = create(Map.of("audience", "MEMBERS", "memberIds", members, "tiers", List.of(1, 2),
                "stages", List.of("DORMANT"), "benefit", "MULTIPLIER", "multiplier", 2.0));

        for (HttpGraphQlTester reader : List.of(newStaff(createStore("readback"), "STORE_MANAGER"), newMarketer())) {
            read(reader, campaign)
                    .path("campaign.memberIds").entityList(String.class).satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(members))
                    .path("campaign.tiers").entityList(Integer.class).containsExactly(1, 2)
                    .path("campaign.stages").entityList(String.class).containsExactly("DORMANT")
                    .path("campaign.multiplier").entity(Double.class).isEqualTo(2.0);
        }
    }

    private GraphQlTester.Response read(HttpGraphQlTester reader, String campaign) {
        GraphQlTester.Response response = reader.document("query($id: ID!) { campaign(id: $id) { " + SET_UP + " } }")
                .variable("id", campaign).execute();
        response.errors().satisfy(errors -> assertThat(errors).isEmpty());
        return response;
    }

    private String create(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "回读", "startsAt",
                clock.instant().plus(Duration.ofDays(1)).toString(), "endsAt",
                clock.instant().plus(Duration.ofDays(10)).toString(), "budget", 1_000));
        input.putAll(overrides);
        return new CampaignDesk(admin()).create(input);
    }
}

package com.loyalty.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Saved member filters (issue 24): marketers name a filter once and reuse it in the member list
 * and campaign audiences; a campaign copies the definition, so later edits never change it.
 */
class SavedMemberFilterTest extends IntegrationTest {

    private static final String FIELDS = "id name memberCount createdAt updatedAt filter { tags tiers stages storeId birthdayMonth }";
    private static final String SAVE = "mutation($input: SaveMemberFilterInput!) { saveMemberFilter(input: $input) { "
            + "savedFilter { " + FIELDS + " } userErrors { field code message } } }";
    private static final String UPDATE = "mutation($input: UpdateSavedMemberFilterInput!) { updateSavedMemberFilter(input: $input) { "
            + "savedFilter { " + FIELDS + " } userErrors { field code message } } }";
    private static final String DELETE = "mutation($input: DeleteSavedMemberFilterInput!) { deleteSavedMemberFilter(input: $input) { "
            + "deletedSavedFilterId userErrors { field code message } } }";
    private static final String LIST = "query($search: String, $first: Int, $after: String) { "
            + "savedMemberFilters(search: $search, first: $first, after: $after) { totalCount "
            + "pageInfo { hasNextPage endCursor } edges { node { " + FIELDS + " } } } }";
    private static final String ONE = "query($id: ID!) { savedMemberFilter(id: $id) { " + FIELDS + " } }";
    private static final String PREVIEW = "query($input: CampaignAudienceInput!) { campaignAudiencePreview(input: $input) { count } }";
    private static final String CREATE_CAMPAIGN = "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { "
            + "campaign { id audience } userErrors { field code message } } }";
    private static final String UPDATE_CAMPAIGN = "mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { "
            + "campaign { id } userErrors { field code message } } }";

    @Test
    void aMarketerSavesAFilterAndACampaignBuiltOnItKeepsItsAudienceWhenTheFilterChanges() {
        HttpGraphQlTester marketer = newMarketer();
        String first = newTag();
        String second = newTag();
        String a = tagged(first, "a");
        String b = tagged(first, "b");
        String c = tagged(second, "c");

        String saved = save(marketer, unique("老客"), Map.of("tags", List.of(first)))
                .path("saveMemberFilter.savedFilter.memberCount").entity(Integer.class).isEqualTo(2)
                .path("saveMemberFilter.savedFilter.filter.tags").entityList(String.class).containsExactly(first)
                .path("saveMemberFilter.savedFilter.id").entity(String.class).get();
        marketer.document(PREVIEW).variable("input", Map.of("audience", "FILTER", "savedFilterId", saved)).execute()
                .path("campaignAudiencePreview.count").entity(Integer.class).isEqualTo(2);

        String campaign = admin().document(CREATE_CAMPAIGN)
                .variable("input", campaign(Map.of("audience", "FILTER", "savedFilterId", saved))).execute()
                .path("createCampaign.userErrors").entityList(Object.class).hasSize(0)
                .path("createCampaign.campaign.audience").entity(String.class).isEqualTo("FILTER")
                .path("createCampaign.campaign.id").entity(String.class).get();
        // a draft updated with a saved filter copies it too
        String updated = admin().document(CREATE_CAMPAIGN)
                .variable("input", campaign(Map.of("audience", "FILTER", "filter", Map.of("tags", List.of(first)))))
                .execute().path("createCampaign.campaign.id").entity(String.class).get();

        // the saved filter changes: the campaign built on it keeps its copy
        marketer.document(UPDATE).variable("input", Map.of("id", saved, "filter", Map.of("tags", List.of(second))))
                .execute().path("updateSavedMemberFilter.userErrors").entityList(Object.class).hasSize(0)
                .path("updateSavedMemberFilter.savedFilter.memberCount").entity(Integer.class).isEqualTo(1);
        admin().document(UPDATE_CAMPAIGN).variable("input", Map.of("campaignId", updated, "savedFilterId", saved))
                .execute().path("updateCampaign.userErrors").entityList(Object.class).hasSize(0);
        marketer.document(DELETE).variable("input", Map.of("id", saved)).execute()
                .path("deleteSavedMemberFilter.deletedSavedFilterId").entity(String.class).isEqualTo(saved);

        launch(campaign);
        launch(updated);
        assertThat(audience(campaign)).containsExactlyInAnyOrder(Long.parseLong(a), Long.parseLong(b));
        assertThat(audience(updated)).containsExactly(Long.parseLong(c));

        // a deleted (unknown) saved filter, or one given with an inline filter or for another audience, is refused
        admin().document(CREATE_CAMPAIGN).variable("input", campaign(Map.of("audience", "FILTER", "savedFilterId", saved)))
                .execute().path("createCampaign.campaign").valueIsNull()
                .path("createCampaign.userErrors[0].field").entityList(String.class).containsExactly("input", "savedFilterId")
                .path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        String other = save(marketer, unique("另一个"), Map.of("tags", List.of(first)))
                .path("saveMemberFilter.savedFilter.id").entity(String.class).get();
        admin().document(CREATE_CAMPAIGN).variable("input", campaign(Map.of("audience", "FILTER", "savedFilterId", other,
                        "filter", Map.of("tags", List.of(second)))))
                .execute().path("createCampaign.userErrors[0].field").entityList(String.class).containsExactly("input", "savedFilterId");
        admin().document(CREATE_CAMPAIGN).variable("input", campaign(Map.of("audience", "EVERYONE", "savedFilterId", other)))
                .execute().path("createCampaign.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        marketer.document(PREVIEW).variable("input", Map.of("audience", "FILTER", "savedFilterId", saved)).execute()
                .errors().expect(e -> "INVALID_INPUT".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void savedFiltersAreListedWithTotalsAndCounts() {
        HttpGraphQlTester marketer = newMarketer();
        String tag = newTag();
        tagged(tag, "x");
        tagged(tag, "y");
        String stem = unique("列表");
        List<String> ids = new ArrayList<>();
        ids.add(save(marketer, stem + " 一", Map.of("tags", List.of(tag))).path("saveMemberFilter.savedFilter.id")
                .entity(String.class).get());
        ids.add(save(marketer, stem + " 二", Map.of("tags", List.of(tag), "birthdayMonth", 2))
                .path("saveMemberFilter.savedFilter.id").entity(String.class).get());
        ids.add(save(marketer, stem + " 三", Map.of("tags", List.of(tag), "registeredAfter",
                        clock.instant().plus(Duration.ofDays(3650)).toString()))
                .path("saveMemberFilter.savedFilter.id").entity(String.class).get());

        GraphQlTester.Response page = marketer.document(LIST).variable("search", stem).variable("first", 2).execute();
        page.path("savedMemberFilters.totalCount").entity(Integer.class).isEqualTo(3)
                .path("savedMemberFilters.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("savedMemberFilters.edges[*].node.id").entityList(String.class).containsExactly(ids.get(2), ids.get(1))
                .path("savedMemberFilters.edges[*].node.memberCount").entityList(Integer.class).containsExactly(0, 0);
        String cursor = page.path("savedMemberFilters.pageInfo.endCursor").entity(String.class).get();
        marketer.document(LIST).variable("search", stem).variable("first", 2).variable("after", cursor).execute()
                .path("savedMemberFilters.edges[*].node.id").entityList(String.class).containsExactly(ids.get(0))
                .path("savedMemberFilters.edges[*].node.memberCount").entityList(Integer.class).containsExactly(2)
                .path("savedMemberFilters.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        marketer.document(LIST).variable("search", stem + " 二").execute()
                .path("savedMemberFilters.totalCount").entity(Integer.class).isEqualTo(1)
                .path("savedMemberFilters.edges[0].node.filter.birthdayMonth").entity(Integer.class).isEqualTo(2);

        admin().document(ONE).variable("id", ids.get(0)).execute()
                .path("savedMemberFilter.name").entity(String.class).isEqualTo(stem + " 一")
                .path("savedMemberFilter.memberCount").entity(Integer.class).isEqualTo(2)
                .path("savedMemberFilter.filter.tags").entityList(String.class).containsExactly(tag);
        admin().document(ONE).variable("id", "999999999").execute().path("savedMemberFilter").valueIsNull();
        // the count is the one members(filter:) gives
        marketer.document("query($f: MemberFilter) { members(filter: $f) { totalCount } }")
                .variable("f", Map.of("tags", List.of(tag))).execute()
                .path("members.totalCount").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void aStoreManagerReadsSavedFiltersButCannotChangeThem() {
        String storeA = createStore("saved-a");
        String storeB = createStore("saved-b");
        HttpGraphQlTester manager = newStaff(storeA, "STORE_MANAGER");
        HttpGraphQlTester marketer = newMarketer();
        String tag = newTag();
        addTag(idOf(memberOf(storeA, unique("of-a"))), tag);
        addTag(idOf(memberOf(storeB, unique("of-b"))), tag);
        String stem = unique("店长");
        String everywhere = save(marketer, stem + " 全部", Map.of("tags", List.of(tag)))
                .path("saveMemberFilter.savedFilter.memberCount").entity(Integer.class).isEqualTo(2)
                .path("saveMemberFilter.savedFilter.id").entity(String.class).get();
        String elsewhere = save(marketer, stem + " 别店", Map.of("tags", List.of(tag), "storeId", storeB))
                .path("saveMemberFilter.savedFilter.id").entity(String.class).get();

        manager.document(LIST).variable("search", stem).execute()
                .path("savedMemberFilters.totalCount").entity(Integer.class).isEqualTo(2)
                .path("savedMemberFilters.edges[*].node.id").entityList(String.class).containsExactly(elsewhere, everywhere);
        // within their own store, as members() counts for them; a filter on another store is not theirs to list
        manager.document(ONE).variable("id", everywhere).execute()
                .path("savedMemberFilter.memberCount").entity(Integer.class).isEqualTo(1);
        manager.document(ONE).variable("id", elsewhere).execute()
                .path("savedMemberFilter.name").entity(String.class).isEqualTo(stem + " 别店")
                .path("savedMemberFilter.memberCount").valueIsNull();

        manager.document(SAVE).variable("input", Map.of("name", unique("店长的"), "filter", Map.of())).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        manager.document(UPDATE).variable("input", Map.of("id", everywhere, "name", "改名")).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        manager.document(DELETE).variable("input", Map.of("id", everywhere)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        newStaff(storeA, "CLERK").document(LIST).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        marketer.document(ONE).variable("id", everywhere).execute()
                .path("savedMemberFilter.name").entity(String.class).isEqualTo(stem + " 全部");
    }

    @Test
    void changesToSavedFiltersAreAudited() {
        HttpGraphQlTester marketer = newMarketer();
        String name = unique("审计");
        String id = save(marketer, name, Map.of("tiers", List.of(1))).path("saveMemberFilter.savedFilter.id")
                .entity(String.class).get();
        marketer.document(UPDATE).variable("input", Map.of("id", id, "name", name + "改", "filter", Map.of("tiers", List.of(2))))
                .execute().path("updateSavedMemberFilter.savedFilter.name").entity(String.class).isEqualTo(name + "改");
        marketer.document(DELETE).variable("input", Map.of("id", id)).execute()
                .path("deleteSavedMemberFilter.userErrors").entityList(Object.class).hasSize(0);
        marketer.document(ONE).variable("id", id).execute().path("savedMemberFilter").valueIsNull();

        List<List<String>> trail = db.sql("select action, before::text as before, after::text as after from staff_audit"
                        + " where subject_type = 'SAVED_MEMBER_FILTER' and subject_id = :id order by id")
                .bind("id", Long.parseLong(id))
                .map(row -> java.util.Arrays.asList(row.get("action", String.class), row.get("before", String.class),
                        row.get("after", String.class)))
                .all().collectList().block();
        assertThat(trail).extracting(r -> r.get(0))
                .containsExactly("CREATE_SAVED_MEMBER_FILTER", "UPDATE_SAVED_MEMBER_FILTER", "DELETE_SAVED_MEMBER_FILTER");
        assertThat(trail.get(0).get(1)).isNull();
        assertThat(trail.get(0).get(2)).contains(name);
        assertThat(trail.get(1).get(1)).contains(name).doesNotContain(name + "改");
        assertThat(trail.get(1).get(2)).contains(name + "改");
        assertThat(trail.get(2).get(1)).contains(name + "改");
        assertThat(trail.get(2).get(2)).isNull();
    }

    @Test
    void badFilterNamesAreRefused() {
        HttpGraphQlTester marketer = newMarketer();
        for (String bad : List.of("", "   ", "长".repeat(33))) {
            save(marketer, bad, Map.of())
                    .path("saveMemberFilter.savedFilter").valueIsNull()
                    .path("saveMemberFilter.userErrors[0].field").entityList(String.class).containsExactly("input", "name")
                    .path("saveMemberFilter.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        }
        String name = unique("重名");
        String id = save(marketer, "  " + name + "  ", Map.of()).path("saveMemberFilter.savedFilter.name")
                .entity(String.class).isEqualTo(name).path("saveMemberFilter.savedFilter.id").entity(String.class).get();
        save(marketer, name, Map.of("tiers", List.of(1)))
                .path("saveMemberFilter.userErrors[0].field").entityList(String.class).containsExactly("input", "name")
                .path("saveMemberFilter.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("saveMemberFilter.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("同名"));
        String other = save(marketer, unique("另一个"), Map.of()).path("saveMemberFilter.savedFilter.id")
                .entity(String.class).get();
        marketer.document(UPDATE).variable("input", Map.of("id", other, "name", name)).execute()
                .path("updateSavedMemberFilter.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("updateSavedMemberFilter.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("同名"));
        marketer.document(UPDATE).variable("input", Map.of("id", "999999999", "name", unique("无"))).execute()
                .path("updateSavedMemberFilter.userErrors[0].field").entityList(String.class).containsExactly("input", "id")
                .path("updateSavedMemberFilter.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        // the filter is checked as members(filter:) checks it
        save(marketer, unique("生日"), Map.of("birthdayMonth", 13))
                .path("saveMemberFilter.userErrors[0].field").entityList(String.class).containsExactly("input", "filter")
                .path("saveMemberFilter.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        marketer.document("query($f: MemberFilter) { members(filter: $f) { totalCount } }")
                .variable("f", Map.of("birthdayMonth", 13)).execute()
                .errors().expect(e -> "INVALID_INPUT".equals(e.getExtensions().get("code"))).verify();
        marketer.document(ONE).variable("id", id).execute().path("savedMemberFilter.name").entity(String.class).isEqualTo(name);
    }

    private static GraphQlTester.Response save(HttpGraphQlTester staff, String name, Map<String, Object> filter) {
        return staff.document(SAVE).variable("input", Map.of("name", name, "filter", filter)).execute();
    }

    private Map<String, Object> campaign(Map<String, Object> audience) {
        Map<String, Object> input = new HashMap<>(Map.of("name", unique("活动"),
                "startsAt", clock.instant().minus(Duration.ofHours(1)).toString(),
                "endsAt", clock.instant().plus(Duration.ofDays(10)).toString(), "budget", 1_000_000,
                "benefit", "POINTS", "points", 10));
        input.putAll(audience);
        return input;
    }

    private void launch(String campaign) {
        admin().document("mutation($id: ID!) { launchCampaign(campaignId: $id) { campaign { status } userErrors { code message } } }")
                .variable("id", campaign).execute()
                .path("launchCampaign.userErrors").entityList(Object.class).hasSize(0);
    }

    /** Everyone the campaign's launch took (treated and control alike). */
    private Set<Long> audience(String campaign) {
        return new HashSet<>(db.sql("select member_id from campaign_member where campaign_id = :c")
                .bind("c", Long.parseLong(campaign)).map(row -> row.get("member_id", Long.class)).all().collectList().block());
    }

    private String newTag() {
        return admin().documentName("createTag").variable("input", Map.of("name", unique("T"))).execute()
                .path("createTag.tag.id").entity(String.class).get();
    }

    private void addTag(String member, String tag) {
        admin().documentName("addMemberTag").variable("input", Map.of("memberId", member, "tagId", tag, "reason", "筛选"))
                .execute().path("addMemberTag.changed").entity(Boolean.class).isEqualTo(true);
    }

    private String tagged(String tag, String name) {
        String member = idOf(member(unique(name)));
        addTag(member, tag);
        return member;
    }
}

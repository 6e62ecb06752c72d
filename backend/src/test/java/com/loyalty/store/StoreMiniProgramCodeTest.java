package com.loyalty.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.dev.wechat.FakeMiniProgramCode;
import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A store's mini-program code: its manager (or an admin) gets it, and whoever registers from it
 * registers at the store: counted in the store's new members and ranked on its board.
 */
class StoreMiniProgramCodeTest extends IntegrationTest {

    @Test
    void aMemberWhoRegistersFromTheStoresCodeCountsInItsNewMembersAndOnItsBoard() {
        String store = createStore("扫码店");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        int newMembersBefore = newMembersToday(manager, store);

        @SuppressWarnings("unchecked")
        Map<String, Object> code = manager.documentName("storeMiniProgramCode").variable("storeId", store).execute()
                .path("storeMiniProgramCode").entity(Map.class).get();
        assertThat(code).containsEntry("scene", "s=" + store).containsEntry("page", "pages/card/index");
        String scanned = FakeMiniProgramCode.read(http().get().uri((String) code.get("imagePath")).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody());
        assertThat(scanned).isEqualTo("pages/card/index?scene=s=" + store);

        // the mini-program reads s=<id> from the scene and registers the member there
        String sceneStore = scanned.substring(scanned.indexOf("s=") + 2);
        HttpGraphQlTester member = withToken((String) login(unique("scanner"), sceneStore).get("accessToken"));
        member.documentName("checkIn").execute();

        assertThat(newMembersToday(manager, store)).isEqualTo(newMembersBefore + 1);
        List<Long> streaks = member.documentName("leaderboard")
                .variable("input", Map.of("scope", "STORE", "storeId", store, "period", "MONTH",
                        "metric", "CHECKIN_STREAK", "first", 10))
                .execute().path("leaderboard.entries[*].score").entityList(Long.class).get();
        assertThat(streaks).containsExactly(1L);
    }

    @Test
    void anotherStoresManagerCannotGetTheCodeAndAnAdminCanForAnyStore() {
        String store = createStore("本店");
        String other = createStore("他店");

        newStaff(other, "STORE_MANAGER").documentName("storeMiniProgramCode").variable("storeId", store).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        admin().documentName("storeMiniProgramCode").variable("storeId", store).execute()
                .path("storeMiniProgramCode.scene").entity(String.class).isEqualTo("s=" + store);
    }

    @Test
    void aClosedStoreHasNoCodeToRegisterWith() {
        String store = createStore("关店");
        admin().document("mutation($id: ID!) { closeStore(input: { storeId: $id, reason: \"搬迁\" }) { userErrors { code } } }")
                .variable("id", store).execute()
                .path("closeStore.userErrors").entityList(Object.class).hasSize(0);

        admin().documentName("storeMiniProgramCode").variable("storeId", store).execute()
                .errors().expect(e -> "STORE_CLOSED".equals(e.getExtensions().get("code"))).verify();
    }

    private static int newMembersToday(HttpGraphQlTester manager, String store) {
        return manager.documentName("todayNumbers").variable("storeId", store).execute()
                .path("todayNumbers.newMembers").entity(Integer.class).get();
    }
}

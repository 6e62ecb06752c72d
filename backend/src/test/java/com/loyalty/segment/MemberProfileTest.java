package com.loyalty.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The member profile staff see at the till: purchases, favourites, stage, and who may see it. */
class MemberProfileTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brand;

    @Test
    void clerkSeesPurchaseSummaryFavouritesAndRecentOrders() {
        String store = createStore("profile");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        Till till = new Till(clerk);
        String member = idOf(member(unique("profiled")));
        till.buy(member, unique("o"), 30000, Map.of("items", List.of(item("玩具", 20000), item("图书", 10000))));
        till.buy(member, unique("o"), 10000, Map.of("items", List.of(item("玩具", 10000))));
        String refunded = unique("o");
        till.buy(member, refunded, 5000);
        till.refund(refunded, unique("r"), 5000);

        clerk.documentName("memberProfile").variable("id", member).execute()
                .path("member.purchases.orders").entity(Integer.class).isEqualTo(2)
                .path("member.purchases.totalCents").entity(Long.class).isEqualTo(40000L)
                .path("member.purchases.averageOrderCents").entity(Long.class).isEqualTo(20000L)
                .path("member.purchases.favouriteCategories[0].category").entity(String.class).isEqualTo("玩具")
                .path("member.purchases.favouriteCategories[0].orders").entity(Integer.class).isEqualTo(2)
                .path("member.purchases.favouriteStores[0].storeId").entity(String.class).isEqualTo(store)
                .path("member.recentOrders").entityList(Map.class).hasSize(3)
                .path("member.member.tier.name").entity(String.class).isEqualTo("普通")
                .path("member.lifecycle.stage").entity(String.class).isEqualTo("ACTIVE");
    }

    /**
     * A member who buys at two stores: each store's clerk and manager see that store's orders on the
     * member's page (as storeOrder shows them no other store's order, nor its lines); the admin all.
     */
    @Test
    void aStoresStaffSeeOnlyTheirOwnStoresOrdersOfAMemberWhoAlsoBuysElsewhere() {
        String here = createStore("profile-here");
        String there = createStore("profile-there");
        HttpGraphQlTester clerk = newStaff(here, "CLERK");
        String member = idOf(member(unique("roams")));
        new Till(clerk).buy(member, "HERE-1", 10000, Map.of("items", List.of(item("玩具", 10000))));
        new Till(newStaff(there, "CLERK")).buy(member, "THERE-1", 20000, Map.of("items", List.of(item("图书", 20000))));
        String orders = "query($id: ID!) { member(id: $id) { recentOrders { orderNo items { category } } } }";

        for (HttpGraphQlTester staff : List.of(clerk, newStaff(here, "STORE_MANAGER"))) {
            staff.document(orders).variable("id", member).execute()
                    .path("member.recentOrders[*].orderNo").entityList(String.class).containsExactly("HERE-1")
                    .path("member.recentOrders[*].items[*].category").entityList(String.class).containsExactly("玩具");
        }
        admin().document(orders).variable("id", member).execute()
                .path("member.recentOrders[*].orderNo").entityList(String.class).contains("HERE-1", "THERE-1").hasSize(2);
    }

    @Test
    void aPurchaseWakesADormantMemberAtOnceAndTheHistoryShowsIt() {
        String clerkName = createStaff(createStore("wake"), "CLERK");
        HttpGraphQlTester clerk = staff(clerkName, STAFF_PASSWORD);
        String member = idOf(member(unique("sleeper")));
        new Till(clerk).earn(member, unique("o"), 10000);
        clock.advance(Duration.ofDays(40));
        clerk = staff(clerkName, STAFF_PASSWORD);
        admin().documentName("runJob").variable("job", "MEMBER_SEGMENTS").execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("scored"));
        stage(clerk, member).isEqualTo("DORMANT");

        new Till(clerk).earn(member, unique("o"), 10000);
        GraphQlTester.Response profile = clerk.documentName("memberProfile").variable("id", member).execute();
        profile.path("member.lifecycle.stage").entity(String.class).isEqualTo("ACTIVE");
        assertThat(profile.path("member.lifecycle.history[*].to").entityList(String.class).get())
                .containsExactly("ACTIVE", "DORMANT", "NEW");
    }

    @Test
    void membersCannotSeeProfilesAndAClerksListHoldsOnlyTheirStoresMembers() {
        HttpGraphQlTester someone = member(unique("nosy"));
        String other = idOf(member(unique("other")));
        someone.documentName("memberProfile").variable("id", other).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        newStaff(createStore("list"), "CLERK").documentName("members").execute()
                .path("members.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void staffOfAnotherBrandSeeNoProfileAndNoMembers() {
        String member = idOf(member(unique("loyal")));
        HandBuiltBrand rival = new HandBuiltBrand(db, passwords, brand.zone(), STAFF_PASSWORD);
        HttpGraphQlTester rivalManager = staff(rival.managerUsername, STAFF_PASSWORD);
        rivalManager.documentName("memberProfile").variable("id", member).execute()
                .path("member").valueIsNull();
        rivalManager.documentName("members").execute().path("members.totalCount").entity(Integer.class).isEqualTo(0);
    }

    private static GraphQlTester.Entity<String, ?> stage(HttpGraphQlTester staff, String member) {
        return staff.documentName("memberProfile").variable("id", member).execute()
                .path("member.lifecycle.stage").entity(String.class);
    }

    private static Map<String, Object> item(String category, long cents) {
        return Map.of("sku", category, "name", category, "category", category, "quantity", 1, "unitPriceCents", cents);
    }
}

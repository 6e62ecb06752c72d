package com.loyalty.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.SchemaCalls;
import com.loyalty.support.WhoMayCall;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Calls every Query and Mutation field as each kind of caller and checks that exactly the roles
 * in {@code security/who-may-call.txt} get past the access check (the others get UNAUTHENTICATED
 * or FORBIDDEN). Arguments are generated from the schema: "0" for ids, so nothing is found and
 * nothing changes; staff belong to a brand of their own. A field without a rule fails the test.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    /** Who calls. */
    enum Caller { ANYONE, MEMBER, CLERK, STORE_MANAGER, MARKETER, ADMIN }

    /** Fields that end the caller's own sign-ins: called last, so that no other call meets a dead token. */
    private static final Set<String> ENDS_THE_CALLERS_SIGN_INS = Set.of("Mutation.endMySessions");

    /** Arguments that must not be left to the generator (a job run for a date long past). */
    private static final Map<String, String> ARGUMENTS = Map.of(
            "Mutation.runJob", "input: {job: POINTS_EXPIRY, asOf: \"2001-01-01\"}");

    @Autowired
    GraphQlSource graphQl;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brand;

    @Test
    void everyRootFieldAdmitsExactlyTheRolesItsRuleNames() throws IOException {
        Map<String, Set<Caller>> rules = WhoMayCall.rules(Caller.class);
        GraphQLSchema schema = graphQl.schema();
        List<String> unruled = new ArrayList<>();
        for (GraphQLObjectType root : roots(schema)) {
            root.getFieldDefinitions().stream().map(f -> root.getName() + "." + f.getName())
                    .filter(name -> !rules.containsKey(name)).forEach(unruled::add);
        }
        assertThat(unruled).as("root fields without a rule in security/who-may-call.txt").isEmpty();

        Map<Caller, String> tokens = tokens();
        List<String> wrong = new ArrayList<>();
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
            List<GraphQLFieldDefinition> fields = new ArrayList<>(root.getFieldDefinitions());
            fields.sort(java.util.Comparator.comparing(
                    f -> ENDS_THE_CALLERS_SIGN_INS.contains(root.getName() + "." + f.getName())));
            for (GraphQLFieldDefinition field : fields) {
                String name = root.getName() + "." + field.getName();
                String document = root.getName().toLowerCase() + " { " + call(name, field) + " }";
                for (Caller caller : Caller.values()) {
                    boolean admitted = !denied(document, tokens.get(caller));
                    if (admitted != rules.get(name).contains(caller)) {
                        wrong.add(name + " as " + caller + (admitted ? " was let in" : " was refused"));
                    }
                }
            }
        }
        assertThat(wrong).as("callers treated differently from security/who-may-call.txt").isEmpty();
    }

    /**
     * Machine clients: a client holding every scope reaches exactly the fields whose rule names
     * {@code CLIENT(scope)} and those open to ANYONE (no staff admin field, no member field, no
     * analytics), and for each such
     * field a client holding every scope but that one is refused it. Every scope opens some field.
     */
    @Test
    void machineClientsReachExactlyTheFieldsOfTheirScopes() throws IOException {
        Map<String, String> clientRules = WhoMayCall.clientScopes();
        Map<String, Set<Caller>> rules = WhoMayCall.rules(Caller.class);
        GraphQLSchema schema = graphQl.schema();
        HttpGraphQlTester admin = admin();
        String all = clientToken(admin, com.loyalty.client.ApiClientScopes.all());
        List<String> wrong = new ArrayList<>();
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                String name = root.getName() + "." + field.getName();
                String document = root.getName().toLowerCase() + " { " + call(name, field) + " }";
                boolean admitted = !denied(document, all);
                boolean open = clientRules.containsKey(name) || rules.get(name).contains(Caller.ANYONE);
                if (admitted != open) {
                    wrong.add(name + " as a client with every scope" + (admitted ? " was let in" : " was refused"));
                }
                String scope = clientRules.get(name);
                if (scope != null) {
                    Set<String> others = new java.util.TreeSet<>(com.loyalty.client.ApiClientScopes.all());
                    others.remove(scope);
                    if (!denied(document, clientToken(admin, others))) {
                        wrong.add(name + " as a client without " + scope + " was let in");
                    }
                }
            }
        }
        assertThat(clientRules).as("fields open to clients").isNotEmpty();
        assertThat(new java.util.TreeSet<>(clientRules.values())).as("every scope opens some field")
                .containsExactlyInAnyOrderElementsOf(com.loyalty.client.ApiClientScopes.all());
        assertThat(wrong).as("clients treated differently from security/who-may-call.txt").isEmpty();
    }

    private String clientToken(HttpGraphQlTester admin, Set<String> scopes) {
        return com.loyalty.support.MachineClients.token(http(), com.loyalty.support.MachineClients.create(admin,
                unique("matrix"), "ERP", List.copyOf(scopes), List.of()));
    }

    /**
     * A manager of store A on store B's members and objects, for every field taking a store or a
     * member id that the staff-powers rules cover: refused (FORBIDDEN), MEMBER_NOT_FOUND, or
     * nothing; the same calls on A's member go through, and a marketer reaches B's member too.
     */
    @Test
    void aManagerOfOneStoreCannotReachAnotherStoresMembersOrObjects() {
        HandBuiltBrand own = new HandBuiltBrand(db, passwords, brand.zone(), STAFF_PASSWORD);
        long storeB = own.store("b");
        Instant registered = clock.instant().minus(Duration.ofDays(1));
        String memberA = String.valueOf(own.member(unique("a"), registered, "STORE", own.storeId));
        String memberB = String.valueOf(own.member(unique("b"), registered, "STORE", storeB));
        HttpGraphQlTester manager = withToken(staffToken(own.managerUsername));
        HttpGraphQlTester marketer = withToken(staffToken(own.staff("MARKETER", null)));
        String tag = marketer.documentName("createTag").variable("input", Map.of("name", unique("vip")))
                .execute().path("createTag.tag.id").entity(String.class).get();
        String brandWideCoupon = marketer.documentName("createCouponTemplate").variable("input", Map.of(
                        "name", "全品牌券", "kind", "SHIPPING", "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();

        // member(id): nothing for B's member, the profile for A's; a marketer sees both
        manager.documentName("memberProfile").variable("id", memberB).execute().path("member").valueIsNull();
        manager.documentName("memberProfile").variable("id", memberA).execute().path("member.id")
                .entity(String.class).isEqualTo(memberA);
        marketer.documentName("memberProfile").variable("id", memberB).execute().path("member.id")
                .entity(String.class).isEqualTo(memberB);
        // members(filter): B's store refused; the manager's list holds A's member only
        assertThat(denied("query { members(filter: {storeId: \"" + storeB + "\"}) { totalCount } }",
                staffToken(own.managerUsername))).isTrue();
        manager.document("{ members { totalCount edges { node { id } } } }").execute()
                .path("members.edges[*].node.id").entityList(String.class).containsExactly(memberA);
        // adjustPoints, addMemberTag, removeMemberTag on B's member: MEMBER_NOT_FOUND, nothing changes
        for (String member : List.of(memberB, memberA)) {
            boolean foreign = member.equals(memberB);
            var adjusted = manager.documentName("adjustPoints").variable("input", Map.of("memberId", member,
                    "delta", 10, "reason", "跨店", "idempotencyKey", unique("k"))).execute();
            var tagged = manager.documentName("addMemberTag").variable("input", Map.of("memberId", member,
                    "tagId", tag)).execute();
            var untagged = manager.documentName("removeMemberTag").variable("input", Map.of("memberId", member,
                    "tagId", tag)).execute();
            if (foreign) {
                adjusted.path("adjustPoints.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_NOT_FOUND");
                tagged.path("addMemberTag.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_NOT_FOUND");
                untagged.path("removeMemberTag.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_NOT_FOUND");
            } else {
                adjusted.path("adjustPoints.userErrors").entityList(Object.class).hasSize(0);
                tagged.path("addMemberTag.userErrors").entityList(Object.class).hasSize(0);
                untagged.path("removeMemberTag.userErrors").entityList(Object.class).hasSize(0);
            }
        }
        assertThat(db.sql("select count(*) as n from points_ledger where member_id = :m").bind("m", Long.parseLong(memberB))
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
        // store-taking fields: B's store refused
        String manager1 = staffToken(own.managerUsername);
        assertThat(denied("query { followUpTasks(storeId: \"" + storeB + "\") { totalCount } }", manager1)).isTrue();
        assertThat(denied("query { todayNumbers(storeId: \"" + storeB + "\") { __typename } }", manager1)).isTrue();
        assertThat(denied("mutation { createCouponTemplate(input: {name: \"B店券\", kind: SHIPPING, validDays: 30,"
                + " storeIds: [\"" + storeB + "\"]}) { userErrors { code } } }", manager1)).isTrue();
        // a pack of brand-wide coupons is brand-wide marketing: not for a manager
        assertThat(denied("mutation { createCouponPack(input: {name: \"券包\", items: [{templateId: \""
                + brandWideCoupon + "\", quantity: 1}]}) { userErrors { code } } }", manager1)).isTrue();
    }

    private boolean denied(String document, String token) {
        var request = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = request.bodyValue(Map.of("query", document)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
        return errors.stream().map(e -> (Map<?, ?>) e.getOrDefault("extensions", Map.of()))
                .map(ext -> String.valueOf(ext.get("classification")))
                .anyMatch(c -> c.equals("UNAUTHENTICATED") || c.equals("FORBIDDEN"));
    }

    private Map<Caller, String> tokens() {
        HandBuiltBrand own = new HandBuiltBrand(db, passwords, brand.zone(), STAFF_PASSWORD);
        Map<Caller, String> tokens = new LinkedHashMap<>();
        tokens.put(Caller.ANYONE, null);
        tokens.put(Caller.MEMBER, (String) login(unique("matrix")).get("accessToken"));
        tokens.put(Caller.CLERK, staffToken(own.staff("CLERK", own.storeId)));
        tokens.put(Caller.STORE_MANAGER, staffToken(own.managerUsername));
        tokens.put(Caller.MARKETER, staffToken(own.staff("MARKETER", null)));
        tokens.put(Caller.ADMIN, staffToken(own.staff("ADMIN", null)));
        return tokens;
    }

    private String staffToken(String username) {
        return anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", username, "password", STAFF_PASSWORD)).execute()
                .path("staffLogin.accessToken").entity(String.class).get();
    }

    private static List<GraphQLObjectType> roots(GraphQLSchema schema) {
        return List.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType());
    }

    /** The field with its required arguments (or those of {@link #ARGUMENTS}) and, for an object, {@code { __typename }}. */
    private static String call(String name, GraphQLFieldDefinition field) {
        String chosen = ARGUMENTS.get(name);
        return chosen == null ? SchemaCalls.call(field, SchemaCalls.Values.NONE)
                : field.getName() + "(" + chosen + ")" + SchemaCalls.selection(field);
    }
}

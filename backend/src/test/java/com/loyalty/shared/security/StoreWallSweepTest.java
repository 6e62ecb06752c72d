package com.loyalty.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.support.HandBuiltBrand;
import com.loyalty.support.IntegrationTest;
import com.loyalty.support.SchemaCalls;
import com.loyalty.support.WhoMayCall;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff of store A on store B, for EVERY root field that takes a store or a member (found in the
 * schema, arguments and input fields alike: {@code storeId}, {@code storeIds}, {@code memberId},
 * {@code memberIds}, and {@code member(id:)}) that a clerk or store manager may call at all: each is
 * called as a clerk and as a store manager of A with store B and B's member, and must answer
 * FORBIDDEN, a not-found user error, null or an empty list; never B's data (B's member's nickname
 * and B's store's name appear in no answer), and nothing of B's member changes. A new field that
 * answers anything else fails here until it keeps A's staff out, or is listed in
 * {@link #ANSWERS_FOR_ANOTHER_STORE} with the reason its answer is not B's private data.
 */
class StoreWallSweepTest extends IntegrationTest {

    enum Caller { ANYONE, MEMBER, CLERK, STORE_MANAGER, MARKETER, ADMIN }

    /** Fields that may answer for another store, and why that is not another store's private data. */
    static final Map<String, String> ANSWERS_FOR_ANOTHER_STORE = Map.of(
            "Query.rechargePackages", "a store's packages are on sale to every member: public prices",
            "Query.frequentlyBoughtTogether", "brand-wide basket rules, no member's data",
            "Query.outOfStock", "a store's stock levels, shown to members at the till too",
            "Query.leaderboard", "store leaderboards are shown to members of every store, nicknames masked",
            "Mutation.login", "a member signing in names the store they register at; staff have no member session");

    /** Not-found codes that say "no such member or store for you". */
    static final Set<String> NOT_FOUND = Set.of("MEMBER_NOT_FOUND", "STORE_NOT_FOUND", "FORBIDDEN");

    @Autowired
    GraphQlSource graphQl;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    BrandProperties brand;

    @Test
    void staffOfOneStoreGetNothingOfAnotherStoreFromAnyField() throws IOException {
        HandBuiltBrand own = new HandBuiltBrand(db, passwords, brand.zone(), STAFF_PASSWORD);
        long storeB = own.store("乙店");
        String storeBName = db.sql("select name from store where id = :id").bind("id", storeB)
                .map(row -> row.get("name", String.class)).one().block();
        String nicknameB = unique("乙店会员");
        long memberB = own.member(nicknameB, clock.instant().minus(Duration.ofDays(2)), "STORE", storeB);
        own.order(memberB, storeB, clock.instant().minus(Duration.ofDays(1)), 8800);
        Map<String, Long> before = fingerprint(memberB, storeB);

        Map<Caller, String> tokens = Map.of(
                Caller.CLERK, staffToken(own.staff("CLERK", own.storeId)),
                Caller.STORE_MANAGER, staffToken(own.managerUsername));
        // real objects of store A for the other ids, so that a call gets as far as the store check
        HttpGraphQlTester marketer = withToken(staffToken(own.staff("MARKETER", null)));
        String tag = marketer.documentName("createTag").variable("input", Map.of("name", unique("tag")))
                .execute().path("createTag.tag.id").entity(String.class).get();
        String template = withToken(tokens.get(Caller.STORE_MANAGER)).documentName("createCouponTemplate")
                .variable("input", Map.of("name", "甲店券", "kind", "SHIPPING", "validDays", 30,
                        "storeIds", List.of(String.valueOf(own.storeId))))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String pack = withToken(tokens.get(Caller.STORE_MANAGER))
                .document("mutation($input: CreateCouponPackInput!) { createCouponPack(input: $input) { pack { id } } }")
                .variable("input", Map.of("name", "甲店券包", "items", List.of(Map.of("templateId", template, "quantity", 1))))
                .execute().path("createCouponPack.pack.id").entity(String.class).get();
        Map<String, String> values = Map.ofEntries(
                Map.entry("storeId", "\"" + storeB + "\""), Map.entry("storeIds", "\"" + storeB + "\""),
                Map.entry("memberId", "\"" + memberB + "\""), Map.entry("memberIds", "\"" + memberB + "\""),
                Map.entry("tagId", "\"" + tag + "\""), Map.entry("templateId", "\"" + template + "\""),
                Map.entry("packId", "\"" + pack + "\""), Map.entry("month", "\"2026-11\""),
                Map.entry("validDays", "30"), Map.entry("amountOffCents", "100"),
                Map.entry("username", "\"" + unique("sweep") + "\""), Map.entry("password", "\"" + STAFF_PASSWORD + "\""));
        SchemaCalls.Values foreign = values::get;
        Map<String, Set<Caller>> rules = WhoMayCall.rules(Caller.class);
        Map<String, String> answered = new TreeMap<>();
        List<String> probed = new ArrayList<>();
        for (GraphQLObjectType root : List.of(graphQl.schema().getQueryType(), graphQl.schema().getMutationType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                String name = root.getName() + "." + field.getName();
                if (!takesAStoreOrMember(field)) {
                    continue;
                }
                String call = field.getName().equals("member")
                        ? "member(id: \"" + memberB + "\") { __typename }"
                        : field.getName() + SchemaCalls.arguments(field, foreign) + selection(field);
                String document = root.getName().toLowerCase() + " { " + call + " }";
                for (Caller caller : List.of(Caller.CLERK, Caller.STORE_MANAGER)) {
                    if (!rules.getOrDefault(name, Set.of()).contains(caller)) {
                        continue;
                    }
                    probed.add(name + " as " + caller);
                    String body = post(document, tokens.get(caller));
                    assertThat(body).as("%s as %s answered with B's data", name, caller)
                            .doesNotContain(nicknameB).doesNotContain(storeBName);
                    String verdict = verdict(body, field.getName());
                    if (verdict != null && !ANSWERS_FOR_ANOTHER_STORE.containsKey(name)) {
                        answered.put(name + " as " + caller, verdict + ": " + document + " -> " + body);
                    }
                }
            }
        }
        assertThat(probed).as("fields probed").hasSizeGreaterThan(10);
        assertThat(answered).as("fields that let store A's staff reach store B (or answered something the sweep "
                + "cannot read as 'nothing')").isEmpty();
        assertThat(fingerprint(memberB, storeB)).as("B's member and store after the sweep").isEqualTo(before);
    }

    /** Null when the answer keeps B out (refused, not found, null, empty); otherwise what it did. */
    @SuppressWarnings("unchecked")
    private String verdict(String body, String field) {
        Map<String, Object> response = parse(body);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
        for (Map<String, Object> error : errors) {
            Map<String, Object> extensions = (Map<String, Object>) error.getOrDefault("extensions", Map.of());
            if (NOT_FOUND.contains(String.valueOf(extensions.get("classification")))
                    || NOT_FOUND.contains(String.valueOf(extensions.get("code")))) {
                return null;
            }
        }
        if (!errors.isEmpty()) {
            return "an error other than FORBIDDEN";
        }
        Object value = ((Map<String, Object>) response.get("data")).get(field);
        if (value == null || value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        if (value instanceof Map<?, ?> object) {
            if (object.get("totalCount") instanceof Number n && n.longValue() == 0) {
                return null;
            }
            if (object.get("userErrors") instanceof List<?> userErrors && userErrors.stream()
                    .anyMatch(e -> NOT_FOUND.contains(String.valueOf(((Map<?, ?>) e).get("code"))))) {
                return null;
            }
        }
        return "an answer";
    }

    private static boolean takesAStoreOrMember(GraphQLFieldDefinition field) {
        if (field.getName().equals("member")) {
            return true;
        }
        for (GraphQLArgument argument : field.getArguments()) {
            if (isStoreOrMember(argument.getName()) || mentions(argument.getType(), 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(GraphQLInputType type, int depth) {
        return depth <= 3 && GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType object
                && object.getFieldDefinitions().stream()
                .anyMatch(f -> isStoreOrMember(f.getName()) || mentions(f.getType(), depth + 1));
    }

    private static boolean isStoreOrMember(String name) {
        return name.equals("storeId") || name.equals("storeIds") || name.equals("memberId") || name.equals("memberIds");
    }

    /** {@code { __typename }}, plus the count of a connection and the codes of a payload's user errors. */
    private static String selection(GraphQLFieldDefinition field) {
        String plain = SchemaCalls.selection(field);
        if (plain.isEmpty() || !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType object)) {
            return plain;
        }
        String extra = (object.getFieldDefinition("totalCount") != null ? " totalCount" : "")
                + (object.getFieldDefinition("userErrors") != null ? " userErrors { code }" : "");
        return " { __typename" + extra + " }";
    }

    /** Counts of what B's member and store hold, to show nothing changed. */
    private Map<String, Long> fingerprint(long memberId, long storeId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("points entries", "select count(*) as n from points_ledger where member_id = :m");
        queries.put("coupons", "select count(*) as n from member_coupon where member_id = :m");
        queries.put("tags", "select count(*) as n from member_tag where member_id = :m");
        queries.put("purchases", "select count(*) as n from purchase where member_id = :m or store_id = :s");
        queries.put("wallet entries", "select count(*) as n from wallet_entry where member_id = :m");
        queries.put("follow-up tasks", "select count(*) as n from follow_up_task where member_id = :m or store_id = :s");
        queries.put("notifications", "select count(*) as n from notification_outbox where member_id = :m");
        queries.forEach((what, sql) -> {
            var statement = db.sql(sql).bind("m", memberId);
            counts.put(what, (sql.contains(":s") ? statement.bind("s", storeId) : statement)
                    .map(row -> row.get("n", Long.class)).one().block());
        });
        return counts;
    }

    private String staffToken(String username) {
        return anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", username, "password", STAFF_PASSWORD)).execute()
                .path("staffLogin.accessToken").entity(String.class).get();
    }

    private String post(String document, String token) {
        return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .bodyValue(Map.of("query", document)).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(body, Map.class);
    }
}

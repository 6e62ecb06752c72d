package com.loyalty.programme;

import com.loyalty.shared.config.BrandProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Rules versions for tests of any feature: schedule one through the admin API (the rules in force,
 * edited), and go back to version 1 on every instance afterwards so other tests see the first rules.
 */
public final class ProgramRulesForTests {

    private ProgramRulesForTests() {
    }

    /** Schedules the rules in force, edited, from {@code from} (null: now); the answer of scheduleProgramRules. */
    public static GraphQlTester.Response schedule(HttpGraphQlTester admin, ApplicationContext context, Instant from,
                                                  Consumer<Map<String, Object>> edit, String reason) {
        Map<String, Object> rules = rulesInForce(admin);
        edit.accept(rules);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("basedOnVersion", newestVersion(context));
        input.put("effectiveFrom", from == null ? null : from.toString());
        input.put("reason", reason);
        input.put("rules", rules);
        return admin.documentName("scheduleProgramRules").variable("input", input).execute();
    }

    /** The rules in force now, as an input to edit. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> rulesInForce(HttpGraphQlTester caller) {
        Map<String, Object> rules = new LinkedHashMap<>(caller.documentName("programRules").execute()
                .path("programRules").entity(Map.class).get());
        rules.remove("version");
        rules.remove("effectiveFrom");
        rules.remove("upcoming");
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (Object t : (List<Object>) rules.get("tiers")) {
            tiers.add(new LinkedHashMap<>((Map<String, Object>) t));
        }
        rules.put("tiers", tiers);
        rules.put("checkIn", new LinkedHashMap<>((Map<String, Object>) rules.get("checkIn")));
        rules.put("referral", new LinkedHashMap<>((Map<String, Object>) rules.get("referral")));
        return rules;
    }

    /** The newest version not cancelled (what an admin edits). */
    public static int newestVersion(ApplicationContext context) {
        return context.getBean(DatabaseClient.class)
                .sql("select max(version) as v from programme_rules_version where brand_id = :b and cancelled_at is null")
                .bind("b", context.getBean(BrandProperties.class).id()).map(row -> row.get("v", Integer.class)).one().block();
    }

    /** Removes every version after the first, here and (by Redis) on every instance. */
    public static void backToTheFirstVersion(ApplicationContext context) {
        context.getBean(DatabaseClient.class).sql("delete from programme_rules_version where version > 1").then().block();
        context.getBean(ProgramRulesCache.class).changed(context.getBean(BrandProperties.class).id()).block();
    }
}

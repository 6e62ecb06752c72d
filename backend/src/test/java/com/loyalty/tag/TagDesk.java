package com.loyalty.tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A marketer (or admin) defining tags and staff tagging members, through the API. */
record TagDesk(HttpGraphQlTester staff) {

    /** Creates a rule tag with these conditions (none: a manual tag) and returns its id. */
    @SafeVarargs
    final String create(String name, Map<String, Object>... conditions) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name));
        if (conditions.length > 0) {
            input.put("rule", Map.of("conditions", List.of(conditions)));
        }
        return staff.documentName("createTag").variable("input", input).execute()
                .path("createTag.userErrors").entityList(Object.class).hasSize(0)
                .path("createTag.tag.id").entity(String.class).get();
    }

    GraphQlTester.Response add(String memberId, String tagId, String reason) {
        return change("addMemberTag", memberId, tagId, reason);
    }

    GraphQlTester.Response remove(String memberId, String tagId, String reason) {
        return change("removeMemberTag", memberId, tagId, reason);
    }

    private GraphQlTester.Response change(String mutation, String memberId, String tagId, String reason) {
        return staff.documentName(mutation)
                .variable("input", Map.of("memberId", memberId, "tagId", tagId, "reason", reason)).execute();
    }

    /** An order line of the category. */
    static Map<String, Object> item(String category, long cents) {
        return Map.of("sku", "SKU-" + category, "name", category + "商品", "category", category, "quantity", 1,
                "unitPriceCents", cents);
    }
}

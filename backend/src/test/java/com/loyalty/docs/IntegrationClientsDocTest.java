package com.loyalty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.docs.DocExamples.Example;
import com.loyalty.support.MachineClients;
import com.loyalty.support.TestCoupons;
import com.loyalty.support.Till;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpMethod;

/**
 * Runs every example of the chapters "Credentials", "Recording a purchase from a POS" and "Online
 * shop orders" of docs/integration.md, in order, as written: the admin creates the POS's client, the
 * POS gets its token from the ```http example, looks the member up by the scanned code (not used up)
 * and records, retries and refunds a purchase with that same code; a client without members:read is
 * refused the look-up; the shop earns by member id and cannot spend; a revoked client stops. {@code $name}
 * in an example stands for a value an earlier answer (or the set-up) gave.
 */
class IntegrationClientsDocTest extends DocExampleTest {

    static final Path DOC = Path.of("..", "docs", "integration.md");
    static final List<String> CHAPTERS = List.of("## Credentials", "## Recording a purchase from a POS",
            "## Online shop orders");
    private static final Pattern VARIABLE = Pattern.compile("\\$([a-zA-Z][a-zA-Z0-9]*)");

    @Test
    void everyExampleOfTheClientChaptersWorksAsWritten() throws IOException {
        String doc = Files.readString(DOC);
        String storeA = createStore("门店A");
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("storeId", storeA);
        known.put("otherStoreId", createStore("门店B"));
        Map<String, String> tokens = new HashMap<>();
        tokens.put("admin", anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", "root-admin", "password", "root-admin-password")).execute()
                .path("staffLogin.accessToken").entity(String.class).get());
        String memberToken = (String) login(unique("doc-member")).get("accessToken");
        HttpGraphQlTester member = withToken(memberToken);
        tokens.put("member", memberToken);
        known.put("memberId", idOf(member));
        new Till(newStaff(storeA, "CLERK")).earn((String) known.get("memberId"), "DOC-E-1", 50_000);
        known.put("couponId", claimedCoupon(member));
        MachineClients.Credentials shop = MachineClients.create(admin(), unique("网店"), "SHOP",
                List.of("purchases:write", "orders:read"), List.of());
        known.put("shopClientId", shop.clientId());
        tokens.put("shop", MachineClients.token(http(), shop));

        int run = 0;
        for (String chapter : CHAPTERS) {
            for (Example example : DocExamples.examples(doc, chapter)) {
                run++;
                if (example.language().equals("http")) {
                    Map<String, Object> answer = http(example, known);
                    tokens.put(example.caller(), (String) answer.get("access_token"));
                    continue;
                }
                String token = tokens.get(example.caller());
                assertThat(token).as("example %d of %s: unknown caller '%s'", example.number(), chapter,
                        example.caller()).isNotNull();
                String source = substitute(example, known, true);
                Map<String, Object> response = answer(token, source, Map.of());
                List<String> codes = DocExamples.errorCodes(response);
                if (example.answers() == null) {
                    assertThat(codes).as("example %d of %s as %s answered errors:%n%s%n%s", example.number(),
                            chapter, example.caller(), source, response).isEmpty();
                } else {
                    assertThat(codes).as("example %d of %s should answer %s:%n%s%n%s", example.number(), chapter,
                            example.answers(), source, response).contains(example.answers());
                }
                if (response.get("data") instanceof Map<?, ?> data) {
                    DocExamples.remember(data, null, known);
                }
            }
        }
        assertThat(run).isGreaterThanOrEqualTo(10);
        // the retry answered the first result, and the refund reversed the order
        assertThat(db.sql("select count(*) as n from purchase where order_no = 'POS-20261207-0001'")
                .map(r -> r.get("n", Long.class)).one().block()).isEqualTo(1L);
    }

    /** The example with each {@code $name} replaced by its value: a GraphQL string literal, or as is in HTTP. */
    private static String substitute(Example example, Map<String, Object> known, boolean graphql) {
        String text = example.source().lines().filter(line -> !line.startsWith("# ")).reduce("", (a, b) -> a + b + "\n");
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            assertThat(known).as("example %d uses $%s: no earlier answer gave one", example.number(), name)
                    .containsKey(name);
            String value = String.valueOf(known.get(name));
            matcher.appendReplacement(out, Matcher.quoteReplacement(graphql ? "\"" + value + "\"" : value));
        }
        return matcher.appendTail(out).toString();
    }

    /** Sends an ```http example (request line, headers, a blank line, the body) and checks it answers 200. */
    private Map<String, Object> http(Example example, Map<String, Object> known) {
        String text = substitute(example, known, false).strip();
        String[] parts = text.split("\n\n", 2);
        List<String> head = new ArrayList<>(List.of(parts[0].split("\n")));
        String[] requestLine = head.remove(0).split(" ");
        var request = http().method(HttpMethod.valueOf(requestLine[0])).uri(requestLine[1]);
        for (String header : head) {
            int colon = header.indexOf(':');
            request = request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        Map<String, Object> answer = request.bodyValue(parts.length > 1 ? parts[1].strip() : "").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(answer).as("example %d answered", example.number()).containsKey("access_token");
        return answer;
    }

    private String claimedCoupon(HttpGraphQlTester member) {
        return TestCoupons.claimedAmountOff(admin(), member, unique("k"));
    }
}

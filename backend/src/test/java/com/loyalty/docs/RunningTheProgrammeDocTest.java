package com.loyalty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Runs every example of the chapter "Running the programme" of docs/api.md, in order, as the
 * chapter says: each block as the role its first line names, expecting no error unless the block
 * says which code it answers, with ids taken from earlier answers. A reader can trust the chapter.
 */
class RunningTheProgrammeDocTest extends IntegrationTest {

    static final Path DOC = Path.of("..", "docs", "api.md");
    static final String CHAPTER = "## Running the programme";
    /** The examples run on this day, so dates in them stay in the future or the past as written. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");
    static final String MEMBER_PHONE = "13800000001";

    private static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern AS = Pattern.compile("^# as ([a-z-]+)\\s*$", Pattern.MULTILINE);
    private static final Pattern ANSWERS = Pattern.compile("^# answers ([A-Z_]+)\\s*$", Pattern.MULTILINE);

    /** One example: who runs it, the code it should answer (null: none), and its operations. */
    record Example(int number, String caller, String answers, String source) {
    }

    @Test
    void everyExampleOfTheChapterWorksAsWritten() throws IOException {
        List<Example> examples = examples(Files.readString(DOC));
        assertThat(examples).as("examples in docs/api.md \"Running the programme\"").isNotEmpty();
        clock.setTo(NOW.toInstant());

        String storeA = createStore("门店A");
        String storeB = createStore("门店B");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", staffToken("root-admin", "root-admin-password"));
        tokens.put("marketer", staffToken(createMarketer(), STAFF_PASSWORD));
        tokens.put("manager", staffToken(createStaff(storeA, "STORE_MANAGER"), STAFF_PASSWORD));
        tokens.put("manager-b", staffToken(createStaff(storeB, "STORE_MANAGER"), STAFF_PASSWORD));
        tokens.put("clerk", staffToken(createStaff(storeA, "CLERK"), STAFF_PASSWORD));
        String memberToken = (String) login(unique("doc-member"), storeA).get("accessToken");
        tokens.put("member", memberToken);
        String memberId = idOfBound((Map<?, ?>) answer(memberToken, "mutation { bindPhone(input: {code: \"phone-"
                + MEMBER_PHONE + "\"}) { member { id } userErrors { code } } }", Map.of()).get("data"));
        assertThat(memberId).as("the chapter's member, phone " + MEMBER_PHONE).isNotNull();

        Map<String, Object> known = new LinkedHashMap<>();
        known.put("storeId", storeA);
        known.put("otherStoreId", storeB);
        known.put("memberId", memberId);

        for (Example example : examples) {
            String token = example.caller().equals("anyone") ? null : tokens.get(example.caller());
            assertThat(example.caller().equals("anyone") || token != null)
                    .as("example %d: unknown caller '%s' (admin, marketer, manager, manager-b, clerk, member, anyone)",
                            example.number(), example.caller())
                    .isTrue();
            for (OperationDefinition operation : operations(example)) {
                Map<String, Object> variables = new LinkedHashMap<>();
                for (VariableDefinition variable : operation.getVariableDefinitions()) {
                    assertThat(known).as("example %d uses $%s: no earlier answer gave one", example.number(),
                            variable.getName()).containsKey(variable.getName());
                    variables.put(variable.getName(), known.get(variable.getName()));
                }
                String source = AstPrinter.printAst(operation);
                Map<String, Object> response = answer(token, source, variables);
                List<String> codes = errorCodes(response);
                if (example.answers() == null) {
                    assertThat(codes).as("example %d as %s answered errors:%n%s%n%s", example.number(),
                            example.caller(), source, response).isEmpty();
                } else {
                    assertThat(codes).as("example %d should answer %s:%n%s%n%s", example.number(),
                            example.answers(), source, response).contains(example.answers());
                }
                if (response.get("data") instanceof Map<?, ?> data) {
                    remember(data, null, known);
                }
            }
        }
    }

    /** The chapter's examples, in order. */
    static List<Example> examples(String doc) {
        int start = doc.indexOf("\n" + CHAPTER + "\n");
        assertThat(start).as("docs/api.md has a chapter '%s'", CHAPTER).isNotNegative();
        int end = doc.indexOf("\n## ", start + CHAPTER.length() + 1);
        String chapter = doc.substring(start, end < 0 ? doc.length() : end);
        List<Example> examples = new ArrayList<>();
        Matcher block = BLOCK.matcher(chapter);
        while (block.find()) {
            String source = block.group(1);
            Matcher as = AS.matcher(source);
            assertThat(as.find()).as("example %d starts with '# as <who>':%n%s", examples.size() + 1, source).isTrue();
            Matcher answers = ANSWERS.matcher(source);
            examples.add(new Example(examples.size() + 1, as.group(1), answers.find() ? answers.group(1) : null, source));
        }
        return examples;
    }

    private static List<OperationDefinition> operations(Example example) {
        Document document = Parser.parse(example.source());
        return document.getDefinitionsOfType(OperationDefinition.class);
    }

    /**
     * Remembers each scalar of each object in the answer under the singular name of the field that
     * holds the object plus the scalar's name: {@code createCampaign { campaign { id } }} gives
     * {@code campaignId}; a connection's nodes count as the connection's field.
     */
    private static void remember(Map<?, ?> object, String holder, Map<String, Object> known) {
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String field = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> child) {
                remember(child, field.equals("node") || field.equals("edges") ? holder : field, known);
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> child) {
                        remember(child, field.equals("edges") ? holder : field, known);
                    }
                }
            } else if (holder != null && value != null) {
                known.put(singular(holder) + Character.toUpperCase(field.charAt(0)) + field.substring(1), value);
            }
        }
    }

    static String singular(String name) {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        return name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
    }

    /** Every error code in the answer: user errors' codes, and GraphQL errors' code or classification. */
    @SuppressWarnings("unchecked")
    private static List<String> errorCodes(Map<String, Object> response) {
        List<String> codes = new ArrayList<>();
        if (response.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                Map<String, Object> extensions = (Map<String, Object>) ((Map<String, Object>) error)
                        .getOrDefault("extensions", Map.of());
                Object code = extensions.getOrDefault("code", extensions.getOrDefault("classification", "ERROR"));
                codes.add(String.valueOf(code));
            }
        }
        collectUserErrors(response.get("data"), codes);
        return codes;
    }

    private static void collectUserErrors(Object value, List<String> codes) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                if ("userErrors".equals(key) && child instanceof List<?> errors) {
                    errors.forEach(error -> codes.add(String.valueOf(((Map<?, ?>) error).get("code"))));
                } else {
                    collectUserErrors(child, codes);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(child -> collectUserErrors(child, codes));
        }
    }

    private static String idOfBound(Map<?, ?> data) {
        Map<?, ?> bound = (Map<?, ?>) data.get("bindPhone");
        assertThat((List<?>) bound.get("userErrors")).as("binding the chapter's member's phone").isEmpty();
        return (String) ((Map<?, ?>) bound.get("member")).get("id");
    }

    private Map<String, Object> answer(String token, String document, Map<String, Object> variables) {
        var request = http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(Map.of("query", document, "variables", variables)).exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private String staffToken(String username, String password) {
        Map<String, Object> data = (Map<String, Object>) answer(null, """
                mutation($u: String!, $p: String!) { staffLogin(input: {username: $u, password: $p}) {
                  accessToken userErrors { code } } }""", Map.of("u", username, "p", password)).get("data");
        return (String) ((Map<String, Object>) data.get("staffLogin")).get("accessToken");
    }

    private String createMarketer() {
        String username = unique("marketer");
        admin().documentName("createStaff")
                .variable("input", Map.of("username", username, "password", STAFF_PASSWORD, "role", "MARKETER"))
                .execute()
                .path("createStaff.userErrors").entityList(Object.class).hasSize(0);
        return username;
    }
}

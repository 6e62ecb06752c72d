package com.loyalty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.docs.DocExamples.Example;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every example of the chapter "Running the programme" of docs/api.md, in order, as the
 * chapter says: each block as the role its first line names, expecting no error unless the block
 * says which code it answers, with ids taken from earlier answers. A reader can trust the chapter.
 */
class RunningTheProgrammeDocTest extends DocExampleTest {

    static final Path DOC = Path.of("..", "docs", "api.md");
    static final String CHAPTER = "## Running the programme";
    /** The examples run on this day, so dates in them stay in the future or the past as written. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T10:00:00+08:00");
    static final String MEMBER_PHONE = "13800000001";

    @Test
    void everyExampleOfTheChapterWorksAsWritten() throws IOException {
        List<Example> examples = DocExamples.examples(Files.readString(DOC), CHAPTER);
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
                List<String> codes = DocExamples.errorCodes(response);
                if (example.answers() == null) {
                    assertThat(codes).as("example %d as %s answered errors:%n%s%n%s", example.number(),
                            example.caller(), source, response).isEmpty();
                } else {
                    assertThat(codes).as("example %d should answer %s:%n%s%n%s", example.number(),
                            example.answers(), source, response).contains(example.answers());
                }
                if (response.get("data") instanceof Map<?, ?> data) {
                    DocExamples.remember(data, null, known);
                }
            }
        }
    }

    private static List<OperationDefinition> operations(Example example) {
        Document document = Parser.parse(example.source());
        return document.getDefinitionsOfType(OperationDefinition.class);
    }

    private static String idOfBound(Map<?, ?> data) {
        Map<?, ?> bound = (Map<?, ?>) data.get("bindPhone");
        assertThat((List<?>) bound.get("userErrors")).as("binding the chapter's member's phone").isEmpty();
        return (String) ((Map<?, ?>) bound.get("member")).get("id");
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

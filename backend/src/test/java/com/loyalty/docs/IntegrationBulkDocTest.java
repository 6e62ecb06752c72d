package com.loyalty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.docs.DocExamples.Example;
import graphql.language.AstPrinter;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every example of docs/integration.md's chapters on importing members and on exports, in
 * order, as written: the member file of the chapter is the file uploaded, shell examples run in bash
 * with {@code $API} and {@code $TOKEN} set (curl, as a developer would), GraphQL and HTTP examples
 * as the role their first line names, each expecting no error unless it says which code it answers.
 * A job an example starts is waited for before the next example.
 */
class IntegrationBulkDocTest extends DocExampleTest {

    static final Path DOC = Path.of("..", "docs", "integration.md");
    static final String IMPORT = "## Importing members from another system";
    static final String EXPORT = "## Exporting members, orders and ledgers";
    private static final Pattern CSV = Pattern.compile("```csv\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Object> known = new LinkedHashMap<>();

    @Test
    void everyExampleOfTheImportAndExportChaptersWorksAsWritten() throws Exception {
        String doc = Files.readString(DOC);
        String storeId = createStore("门店A");
        String storeName = db.sql("select name from store where id = :id").bind("id", Long.parseLong(storeId))
                .map(row -> row.get("name", String.class)).one().block();
        Matcher csv = CSV.matcher(DocExamples.chapter(doc, IMPORT));
        assertThat(csv.find()).as("the chapter shows the member file").isTrue();
        Files.writeString(dir.resolve("members.csv"), csv.group(1).replace("门店A", storeName), StandardCharsets.UTF_8);
        tokens.put("admin", staffToken("root-admin", "root-admin-password"));
        tokens.put("manager", staffToken(createStaff(storeId, "STORE_MANAGER"), STAFF_PASSWORD));
        tokens.put("clerk", staffToken(createStaff(storeId, "CLERK"), STAFF_PASSWORD));

        for (String chapter : List.of(IMPORT, EXPORT)) {
            for (Example example : DocExamples.examples(doc, chapter)) {
                String token = tokens.get(example.caller());
                assertThat(token).as("%s example %d: unknown caller '%s' (admin, manager, clerk)", chapter,
                        example.number(), example.caller()).isNotNull();
                switch (example.language()) {
                    case "shell" -> shell(example, token);
                    case "http" -> http(example, token);
                    default -> graphql(example, token);
                }
            }
        }
        assertThat(known).as("the chapter's examples uploaded a file and ran jobs").containsKeys("fileId", "jobId");
        assertThat(Files.readString(dir.resolve("members.csv"))).as("the export example saved the file")
                .startsWith("\uFEFF会员ID,手机号");
    }

    private void shell(Example example, String token) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", example.source())
                .directory(dir.toFile()).redirectErrorStream(true);
        bash.environment().put("API", "http://127.0.0.1:" + port);
        bash.environment().put("TOKEN", token);
        Process process = bash.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("example %d finished", example.number()).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("example %d:%n%s%n%s", example.number(), example.source(), out).isZero();
        if (out.strip().startsWith("{")) {
            Map<String, Object> answer = JsonMapper.builder().build().readValue(out, new tools.jackson.core.type.TypeReference<>() {
            });
            assertThat(answer).as("example %d answered an error: %s", example.number(), out).doesNotContainKey("errors");
            answer.forEach((key, value) -> known.put(key, value));
        }
    }

    private void http(Example example, String token) {
        String request = example.source().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
        assertThat(request).as("example %d is a GET", example.number()).startsWith("GET ");
        String path = request.substring(4).strip();
        int expected = example.answers() == null ? 200 : switch (example.answers()) {
            case "FORBIDDEN" -> 403;
            case "UNAUTHENTICATED" -> 401;
            default -> 400;
        };
        http().get().uri(path).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isEqualTo(expected);
    }

    private void graphql(Example example, String token) {
        for (OperationDefinition operation : Parser.parse(example.source()).getDefinitionsOfType(OperationDefinition.class)) {
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
                assertThat(codes).as("example %d answered errors:%n%s%n%s", example.number(), source, response).isEmpty();
            } else {
                assertThat(codes).as("example %d should answer %s:%n%s", example.number(), example.answers(), response)
                        .contains(example.answers());
            }
            if (response.get("data") instanceof Map<?, ?> data) {
                DocExamples.remember(data, null, known);
                if (data.containsKey("startBulkJob")) {
                    waitForJob(token, String.valueOf(known.get("jobId")));
                }
            }
        }
    }

    private void waitForJob(String token, String jobId) {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(60));
        while (clock.instant().isBefore(deadline)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) answer(token, "query($id: ID!) { bulkJob(id: $id) { status } }",
                    Map.of("id", jobId)).get("data");
            if (!"RUNNING".equals(((Map<?, ?>) data.get("bulkJob")).get("status"))) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + jobId + " still running");
    }
}

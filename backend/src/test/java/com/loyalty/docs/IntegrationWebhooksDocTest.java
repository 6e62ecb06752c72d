package com.loyalty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.docs.DocExamples.Example;
import com.loyalty.support.Till;
import com.loyalty.support.WebhookReceiver;
import com.loyalty.webhook.WebhookDeliveries;
import com.loyalty.webhook.WebhookSignature;
import graphql.language.AstPrinter;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Runs every example of "Webhooks" in docs/integration.md in order, as written: the GraphQL ones
 * as the admin against a receiver on 127.0.0.1 (deliveries made between examples, as the worker
 * would), the shell one as the receiver on a delivery it really got, which must verify, and must
 * not once the body is changed or the signature is old.
 */
class IntegrationWebhooksDocTest extends DocExampleTest {

    static final Path DOC = Path.of("..", "docs", "integration.md");
    static final String CHAPTER = "## Webhooks";

    @Autowired
    ApplicationContext context;

    @Test
    void everyExampleOfTheWebhooksChapterWorksAsWritten() throws IOException {
        // the chapter's shell receiver checks a signature's age against the system clock (`date +%s`)
        clock.setTo(java.time.Instant.now());
        List<Example> examples = DocExamples.examples(Files.readString(DOC), CHAPTER);
        db.sql("update webhook_subscription set status = 'PAUSED' where status = 'ACTIVE'").then().block();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            Map<String, Object> known = new LinkedHashMap<>();
            known.put("clientId", String.valueOf(db.sql("""
                            insert into api_client (brand_id, name, kind) values (1, :n, 'ERP') returning id
                            """).bind("n", unique("ERP")).map(row -> row.get("id", Long.class)).one().block()));
            known.put("receiverUrl", receiver.url());
            String token = adminToken();
            int shells = 0;
            for (Example example : examples) {
                if (example.language().equals("shell")) {
                    assertThat(example.caller()).isEqualTo("receiver");
                    verifyLikeAReceiver(example, receiver, (String) known.get("createWebhookSubscriptionSecret"));
                    shells++;
                    continue;
                }
                assertThat(example.caller()).as("example %d", example.number()).isEqualTo("admin");
                for (OperationDefinition operation : Parser.parse(example.source())
                        .getDefinitionsOfType(OperationDefinition.class)) {
                    Map<String, Object> variables = new LinkedHashMap<>();
                    for (VariableDefinition variable : operation.getVariableDefinitions()) {
                        assertThat(known).as("example %d uses $%s: no earlier answer gave one", example.number(),
                                variable.getName()).containsKey(variable.getName());
                        variables.put(variable.getName(), known.get(variable.getName()));
                    }
                    Map<String, Object> response = answer(token, AstPrinter.printAst(operation), variables);
                    List<String> codes = DocExamples.errorCodes(response);
                    if (example.answers() == null) {
                        assertThat(codes).as("example %d answered errors:%n%s", example.number(), response).isEmpty();
                    } else {
                        assertThat(codes).as("example %d should answer %s:%n%s", example.number(), example.answers(),
                                response).contains(example.answers());
                    }
                    if (response.get("data") instanceof Map<?, ?> data) {
                        DocExamples.remember(data, null, known);
                    }
                    WebhookDeliveries.deliverDue(context);
                }
                if (known.containsKey("subscriptionId") && receiver.received().isEmpty()) {
                    // something for the receiver to verify: a purchase, as the chapter's subscription wants
                    String memberId = idOf(member(unique("doc-webhooks")));
                    new Till(newStaff(createStore("doc-webhooks"), "CLERK")).buy(memberId, unique("DOC"), 25_800);
                    WebhookDeliveries.deliverDue(context);
                    assertThat(receiver.received("purchase.recorded")).hasSize(1);
                }
            }
            assertThat(shells).as("the chapter shows how to verify a signature in a shell").isEqualTo(1);
            assertThat(receiver.received("webhook.test")).as("the test event arrived").isNotEmpty();
            assertThat(receiver.received().stream().map(r -> r.header("Loyalty-Event-Id")).distinct().count())
                    .as("the replayed delivery arrived a second time, as the same event")
                    .isEqualTo(receiver.received().size() - 1);
        }
    }

    private void verifyLikeAReceiver(Example example, WebhookReceiver receiver, String secret) {
        assertThat(secret).as("the subscription's secret, from the first example").startsWith("whsec_");
        WebhookReceiver.Received got = receiver.received().get(0);
        assertThat(run(example.source(), got.body(), got.header("Loyalty-Signature"), secret))
                .as("a delivery as received verifies").isEqualTo("verified");
        assertThat(run(example.source(), got.body().replace("\"version\":1", "\"version\":2"),
                got.header("Loyalty-Signature"), secret)).as("a changed body is rejected").isEqualTo("rejected");
        long old = clock.instant().getEpochSecond() - 600;
        assertThat(run(example.source(), got.body(), WebhookSignature.header(old, got.body(), List.of(secret)), secret))
                .as("a signature ten minutes old is rejected").isEqualTo("rejected");
    }

    /** Runs the shell example with bash as the receiver would; what it printed (and exit 1 with "rejected"). */
    private static String run(String script, String body, String signature, String secret) {
        try {
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
            bash.environment().put("BODY", body);
            bash.environment().put("LOYALTY_SIGNATURE", signature);
            bash.environment().put("WEBHOOK_SECRET", secret);
            Process process = bash.start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.exitValue()).as("exit status for %s", out).isEqualTo(out.equals("verified") ? 0 : 1);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private String adminToken() {
        Map<String, Object> data = (Map<String, Object>) answer(null, """
                mutation { staffLogin(input: {username: "root-admin", password: "root-admin-password"}) {
                  accessToken } }""", Map.of()).get("data");
        return (String) ((Map<String, Object>) data.get("staffLogin")).get("accessToken");
    }
}

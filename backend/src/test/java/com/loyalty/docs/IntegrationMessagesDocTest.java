package com.loyalty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.dev.sms.FakeSmsServer;
import com.loyalty.docs.DocExamples.Example;
import com.loyalty.notify.NotificationOutbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs every example of docs/integration.md "Messages: SMS and the official account", in order:
 * the provider's receipt and reply pushes and WeChat's event pushes as HTTP requests, the queries as
 * the role each names; then checks that they did what the chapter says.
 */
class IntegrationMessagesDocTest extends DocExampleTest {

    static final Path DOC = Path.of("..", "docs", "integration.md");
    static final String CHAPTER = "## Messages: SMS and the official account";
    static final Instant MORNING = Instant.parse("2026-12-01T10:00:00+08:00");
    static final String PHONE = "13800000077";

    @Autowired
    FakeSmsServer sms;

    @Autowired
    NotificationOutbox outbox;

    @Test
    void everyExampleOfTheChapterWorksAsWritten() throws IOException {
        List<Example> examples = DocExamples.examples(Files.readString(DOC), CHAPTER);
        clock.setTo(MORNING);
        String store = createStore("消息门店");
        String memberName = unique("doc-sms");
        String memberToken = (String) login(memberName, store).get("accessToken");
        withToken(memberToken).document("mutation { bindPhone(input: {code: \"phone-" + PHONE
                + "\"}) { userErrors { code } } }").execute().path("bindPhone.userErrors").entityList(Object.class).hasSize(0);
        long memberId = Long.parseLong(idOf(withToken(memberToken)));
        sms.nextBizIds("900000001^0");
        outbox.enqueueDaily(memberId, "DORMANT_30", Map.of("message", "好久不见，送您一张券"), MORNING).block();
        admin().documentName("runJob").variable("job", "SEND_NOTIFICATIONS").execute();
        assertThat(sms.sentTo(PHONE)).as("the chapter's SMS").singleElement()
                .satisfies(s -> assertThat(s.bizId()).isEqualTo("900000001^0"));

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", staffToken("root-admin", "root-admin-password"));
        tokens.put("member", memberToken);
        List<Map<String, Object>> answers = new java.util.ArrayList<>();
        for (Example example : examples) {
            if (example.language().equals("http")) {
                assertThat(example.caller()).as("example %d: HTTP pushes come from provider, wechat or anyone",
                        example.number()).isIn("provider", "wechat", "anyone");
                EntityExchangeResult<String> result = push(example.source());
                int expected = example.answers() == null ? 200 : Integer.parseInt(example.answers());
                assertThat(result.getStatus().value()).as("example %d answered %s", example.number(),
                        result.getResponseBody()).isEqualTo(expected);
            } else {
                String token = tokens.get(example.caller());
                assertThat(token).as("example %d: unknown caller %s", example.number(), example.caller()).isNotNull();
                Map<String, Object> response = graphQl(token, strip(example.source()));
                assertThat(DocExamples.errorCodes(response)).as("example %d answered %s", example.number(), response)
                        .isEmpty();
                answers.add(response);
            }
        }

        assertThat(answers.get(0).toString()).contains("DELIVERED").contains("DELIVERED 用户接收成功")
                .contains("138****0077");
        assertThat(answers.get(1).toString()).contains("marketing=false");
        Boolean follows = db.sql("select following from official_account_follower where openid = 'oa-fake-doc-follower'")
                .map(row -> row.get("following", Boolean.class)).one().block();
        assertThat(follows).as("the follow event was recorded").isTrue();
        assertThat(db.sql("select count(*) as n from official_account_follower where openid = 'oa-fake-intruder'")
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    /** Sends an example's request as written: request line, headers, a blank line, the body. */
    private EntityExchangeResult<String> push(String source) {
        List<String> lines = source.lines().filter(line -> !line.startsWith("#")).toList();
        String[] requestLine = lines.get(0).split(" ");
        WebTestClient.RequestBodySpec request = http().method(HttpMethod.valueOf(requestLine[0])).uri(requestLine[1]);
        int i = 1;
        for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String[] header = lines.get(i).split(":\\s*", 2);
            request = request.header(header[0], header[1]);
        }
        String body = String.join("\n", lines.subList(Math.min(i + 1, lines.size()), lines.size()));
        return request.bodyValue(body).exchange().expectBody(String.class).returnResult();
    }

    private Map<String, Object> graphQl(String token, String document) {
        return http().post().uri("/graphql").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", document))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    private static String strip(String source) {
        return String.join("\n", source.lines().filter(line -> !line.startsWith("#")).toList());
    }
}

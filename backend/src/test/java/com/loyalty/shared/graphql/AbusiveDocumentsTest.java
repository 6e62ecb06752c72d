package com.loyalty.shared.graphql;

import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Documents written to wear the server down are refused before any of them runs (depth: PlaygroundTest). */
class AbusiveDocumentsTest extends IntegrationTest {

    @Test
    void aThousandAliasesOfOneFieldAreRefusedAsTooComplex() {
        String flood = IntStream.range(0, 1000).mapToObj(i -> "a" + i + ": me { id nickname }")
                .collect(Collectors.joining(" ", "{ ", " }"));

        member(unique("flood")).document(flood).execute()
                .errors().expect(e -> e.getMessage().contains("complexity")).verify()
                .path("a0").pathDoesNotExist();
    }

    @Test
    void aFragmentThatSpreadsItselfIsRefusedByValidation() {
        String cycle = "query { me { ...a } } fragment a on Member { id ...b } fragment b on Member { nickname ...a }";

        member(unique("cycle")).document(cycle).execute()
                .errors().expect(e -> e.getMessage().contains("Validation")).verify()
                .path("me").pathDoesNotExist();
    }

    @Test
    void aBatchOfOperationsInOneRequestIsRefused() {
        List<Map<String, String>> batch = IntStream.range(0, 50).mapToObj(i -> Map.of("query", "{ __typename }")).toList();

        http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(batch).exchange()
                .expectStatus().is4xxClientError();
    }

    @Test
    void aRequestBodyOverTheLimitIsRefusedWithContentTooLarge() {
        String huge = "{ __typename }" + " ".repeat(2 * 1024 * 1024);

        http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", huge)).exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void aStreamedBodyWithoutALengthIsCutOffAtTheLimitToo() {
        byte[] chunk = " ".repeat(16 * 1024).getBytes();
        Flux<DataBuffer> body = Flux.concat(
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("{\"query\": \"{ __typename }".getBytes())),
                Flux.range(0, 128).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk)),
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("\"}".getBytes())));

        http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).body(body, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void aTokenWithAControlCharacterIsRefusedByTheFirewall() {
        http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer a\u0085b")
                .bodyValue(Map.of("query", "{ __typename }")).exchange().expectStatus().isBadRequest();
        http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Note", "a\tb")
                .bodyValue(Map.of("query", "{ __typename }")).exchange().expectStatus().isOk();
    }

    @Test
    void anOrdinaryRequestIsUnaffected() {
        anonymous().document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
    }
}

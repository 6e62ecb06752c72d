package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/** A request makes only the data loaders its fields use; they batch and see the request's context as before. */
class LazyDataLoadersTest {

    private final List<Set<String>> authorBatches = new ArrayList<>();
    private final WebGraphQlHandler handler = handler();

    @Test
    void aRequestMakesOnlyTheLoadersItsFieldsUseAndTheyStillBatch() {
        WebGraphQlResponse response = execute("{ books { id author } }", "alice");

        assertThat(books(response)).extracting(book -> book.get("author")).containsExactly("alice:1", "alice:2", "alice:3");
        assertThat(authorBatches).containsExactly(Set.of("1", "2", "3"));
        assertThat(response.getExecutionInput().getDataLoaderRegistry().getKeys()).containsExactly("author");
    }

    @Test
    void aRequestWithoutBatchedFieldsMakesNoLoader() {
        WebGraphQlResponse response = execute("{ ping }", "alice");

        assertThat(response.<Map<String, Object>>getData()).containsEntry("ping", "pong");
        assertThat(response.getExecutionInput().getDataLoaderRegistry().getDataLoaders()).isEmpty();
    }

    @Test
    void eachRequestGetsItsOwnLoaderWithItsOwnContext() {
        WebGraphQlResponse first = execute("{ books { author } }", "alice");
        WebGraphQlResponse second = execute("{ books { author price } }", "bob");

        assertThat(books(second)).extracting(book -> book.get("author"), book -> book.get("price"))
                .containsExactly(tuple("bob:1", 10), tuple("bob:2", 20),
                        tuple("bob:3", 30));
        assertThat(authorBatches).hasSize(2); // nothing cached from alice's request
        DataLoader<?, ?> firstAuthors = first.getExecutionInput().getDataLoaderRegistry().getDataLoader("author");
        assertThat(second.getExecutionInput().getDataLoaderRegistry().getDataLoader("author")).isNotSameAs(firstAuthors);
        assertThat(second.getExecutionInput().getDataLoaderRegistry().getKeys()).containsExactlyInAnyOrder("author", "price");
    }

    private static List<Map<String, Object>> books(WebGraphQlResponse response) {
        Map<String, List<Map<String, Object>>> data = response.getData();
        return data.get("books");
    }

    private WebGraphQlResponse execute(String query, String viewer) {
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", query), "1", Locale.ROOT);
        WebGraphQlResponse response = handler.handleRequest(request).contextWrite(context -> context.put("viewer", viewer)).block();
        assertThat(response.getErrors()).isEmpty();
        return response;
    }

    private WebGraphQlHandler handler() {
        BatchLoaderRegistry loaders = new DefaultBatchLoaderRegistry();
        loaders.<String, String>forName("author").registerMappedBatchLoader((ids, env) -> {
            authorBatches.add(Set.copyOf(ids));
            return Mono.deferContextual(context -> Mono.just(
                    ids.stream().collect(Collectors.toMap(Function.identity(), id -> context.get("viewer") + ":" + id))));
        });
        loaders.<String, Integer>forName("price").registerMappedBatchLoader((ids, env) -> Mono.just(
                ids.stream().collect(Collectors.toMap(Function.identity(), id -> Integer.valueOf(Integer.parseInt(id) * 10)))));
        GraphQlSource source = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource("""
                        type Query { books: [Book] ping: String }
                        type Book { id: ID author: String price: Int }
                        """.getBytes()))
                .configureRuntimeWiring(wiring -> wiring
                        .type("Query", type -> type
                                .dataFetcher("books", env -> List.of(Map.of("id", "1"), Map.of("id", "2"), Map.of("id", "3")))
                                .dataFetcher("ping", env -> "pong"))
                        .type("Book", type -> type
                                .dataFetcher("author", env -> env.getDataLoader("author").load(((Map<?, ?>) env.getSource()).get("id")))
                                .dataFetcher("price", env -> env.getDataLoader("price").load(((Map<?, ?>) env.getSource()).get("id")))))
                .build();
        return WebGraphQlHandler.builder(new LazyDataLoaders().executionGraphQlService(source, loaders)).build();
    }
}

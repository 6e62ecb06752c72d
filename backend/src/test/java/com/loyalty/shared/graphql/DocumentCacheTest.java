package com.loyalty.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The document cache parses and validates each distinct document once and stays bounded. */
class DocumentCacheTest {

    private final AtomicInteger parsed = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void aDocumentSentAgainIsNotParsedAgain() {
        DocumentCache cache = new DocumentCache(10);
        PreparsedDocumentEntry first = cache.getDocumentAsync(input("{ me { id } }"), parse).join();
        PreparsedDocumentEntry second = cache.getDocumentAsync(input("{ me { id } }"), parse).join();

        assertThat(second).isSameAs(first);
        assertThat(parsed).hasValue(1);
    }

    @Test
    void onceFullNewDocumentsAreParsedEachTimeAndNotKept() {
        DocumentCache cache = new DocumentCache(1);
        cache.getDocumentAsync(input("{ me { id } }"), parse).join();
        cache.getDocumentAsync(input("{ me { nickname } }"), parse).join();
        cache.getDocumentAsync(input("{ me { nickname } }"), parse).join();
        cache.getDocumentAsync(input("{ me { id } }"), parse).join();

        assertThat(parsed).hasValue(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    private static ExecutionInput input(String query) {
        return ExecutionInput.newExecutionInput(query).build();
    }
}

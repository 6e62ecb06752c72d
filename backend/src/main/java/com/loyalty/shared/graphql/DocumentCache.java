package com.loyalty.shared.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps parsed and validated documents by their text, so the mini-program's fixed set of
 * documents is parsed and validated once, not on every request. Bounded: once full, documents
 * not yet seen are parsed each time and not kept (the first ones seen are the app's own).
 */
public class DocumentCache implements PreparsedDocumentProvider {

    /** Longer documents are not kept. */
    static final int MAX_DOCUMENT_LENGTH = 20_000;

    private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();
    private final int maxSize;

    public DocumentCache(int maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry entry = documents.get(query);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (documents.size() < maxSize && query.length() <= MAX_DOCUMENT_LENGTH) {
                documents.putIfAbsent(query, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return documents.size();
    }
}

package com.loyalty.shared.graphql;

import graphql.relay.Connection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/** Keyset Relay pages: cursors are an opaque form of a row's id, and lists go newest first. */
public final class Pages {

    public static final int MAX_PAGE = 100;
    public static final int DEFAULT_PAGE = 20;

    private Pages() {
    }

    /** A page with the total count of rows; {@code edges} and {@code pageInfo} as Relay wants them. */
    public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) implements Connection<T> {

        @Override
        public List<Edge<T>> getEdges() {
            return edges;
        }

        @Override
        public PageInfo getPageInfo() {
            return pageInfo;
        }
    }

    /** The page size asked for, capped at 100. */
    public static int size(Integer first) {
        return Math.max(0, Math.min(first == null ? DEFAULT_PAGE : first, MAX_PAGE));
    }

    /** The id a cursor stands for; BAD_REQUEST when it is not one of ours for this kind of list. */
    public static Long after(String cursor, String kind) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(kind + ":")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(text.substring(kind.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new BadArgumentException("Invalid cursor: " + cursor);
        }
    }

    /** Builds the page from up to {@code size + 1} rows (one more tells there is a next page). */
    public static <T> Page<T> of(List<T> rows, int size, ToLongFunction<T> id, String kind, boolean afterCursor,
                                 long total) {
        List<Edge<T>> edges = rows.stream().limit(size)
                .<Edge<T>>map(row -> new DefaultEdge<>(row, new DefaultConnectionCursor(Base64.getUrlEncoder()
                        .withoutPadding().encodeToString((kind + ":" + id.applyAsLong(row))
                                .getBytes(StandardCharsets.UTF_8)))))
                .toList();
        return new Page<>(edges, new DefaultPageInfo(
                edges.isEmpty() ? null : edges.get(0).getCursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor(),
                afterCursor, rows.size() > size), total);
    }
}

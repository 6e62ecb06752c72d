package com.loyalty.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny fake S3 (a JDK HTTP server on 127.0.0.1): objects PUT, GET and DELETE by path, each
 * request refused (403) unless it is signed for {@code accessKey} in {@code region} with the
 * body's SHA-256 in {@code x-amz-content-sha256} (the signature itself is checked against AWS's
 * examples in S3SignerTest).
 */
final class FakeS3 implements AutoCloseable {

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final Map<String, String> types = new ConcurrentHashMap<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final String accessKey;
    private final String region;

    FakeS3(String accessKey, String region) throws IOException {
        this.accessKey = accessKey;
        this.region = region;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String date = exchange.getRequestHeaders().getFirst("x-amz-date");
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        boolean signed = authorization != null && date != null
                && authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + date.substring(0, 8)
                        + "/" + region + "/s3/aws4_request,")
                && authorization.contains("SignedHeaders=") && authorization.contains("host")
                && authorization.contains("x-amz-content-sha256") && authorization.contains("x-amz-date")
                && S3Signer.sha256Hex(body).equals(sha);
        if (!signed) {
            refused.add(exchange.getRequestMethod() + " " + path);
            answer(exchange, 403, new byte[0]);
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, body);
                types.put(path, exchange.getRequestHeaders().getFirst("Content-Type"));
                answer(exchange, 200, new byte[0]);
            }
            case "GET" -> {
                byte[] object = objects.get(path);
                answer(exchange, object == null ? 404 : 200, object == null ? "<Error><Code>NoSuchKey</Code></Error>".getBytes() : object);
            }
            case "DELETE" -> {
                objects.remove(path);
                answer(exchange, 204, null);
            }
            default -> answer(exchange, 405, new byte[0]);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}

package com.loyalty.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 store against a tiny fake S3 (a JDK HTTP server): objects PUT, GET and DELETE under
 * {@code /<bucket>/<prefix><key>} (path style, as MinIO), each request signed for the configured
 * key and region, with the body's SHA-256 in {@code x-amz-content-sha256} (the signature itself is
 * checked against AWS's examples in S3SignerTest).
 */
class S3MediaStoreTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ.jpg";

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private S3MediaStore store;

    @BeforeEach
    void startFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
        store = new S3MediaStore(new MediaProperties.S3("http://127.0.0.1:" + server.getAddress().getPort(),
                "ap-shanghai", "avatars-1250000000", "media/", "test-access", "test-secret", true), clock);
    }

    @AfterEach
    void stopFakeS3() {
        server.stop(0);
    }

    @Test
    void putsGetsAndDeletesSignedObjectsInTheBucket() {
        byte[] image = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

        store.put(KEY, image, "image/jpeg").block();
        assertThat(objects).containsOnlyKeys("/avatars-1250000000/media/" + KEY);
        assertThat(types).containsEntry("/avatars-1250000000/media/" + KEY, "image/jpeg");
        assertThat(store.get(KEY).block()).isEqualTo(image);

        store.delete(KEY).block();
        assertThat(objects).isEmpty();
        assertThat(store.get(KEY).blockOptional()).isEmpty();
        // deleting what is not there is no failure
        store.delete(KEY).block();
        assertThat(refused).isEmpty();
    }

    @Test
    void aMissingObjectIsEmptyAndARefusalIsAnError() {
        assertThat(store.get(KEY).blockOptional()).isEmpty();

        S3MediaStore wrongRegion = new S3MediaStore(new MediaProperties.S3("http://127.0.0.1:" + server.getAddress().getPort(),
                "us-east-1", "avatars-1250000000", "media/", "test-access", "test-secret", true), Clock.systemUTC());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrongRegion.put(KEY, new byte[] {1}, "image/jpeg").block())
                .hasMessageContaining("answered 403");
    }

    @Test
    void virtualHostedStyleNamesTheBucketInTheHost() {
        S3MediaStore cos = new S3MediaStore(new MediaProperties.S3("https://cos.ap-shanghai.myqcloud.com", "ap-shanghai",
                "avatars-1250000000", "", "k", "s", false), Clock.systemUTC());

        assertThat(cos.objectUri(KEY)).hasToString("https://avatars-1250000000.cos.ap-shanghai.myqcloud.com/" + KEY);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String date = exchange.getRequestHeaders().getFirst("x-amz-date");
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        boolean signed = authorization != null && date != null
                && authorization.startsWith("AWS4-HMAC-SHA256 Credential=test-access/" + date.substring(0, 8) + "/ap-shanghai/s3/aws4_request,")
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

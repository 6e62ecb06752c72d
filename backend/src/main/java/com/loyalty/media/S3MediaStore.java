package com.loyalty.media;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Keeps media in a bucket of an S3-compatible service (Tencent COS, MinIO, AWS S3), signed with
 * AWS Signature V4 ({@link S3Signer}) over the non-blocking WebClient. Objects are read back
 * through {@code GET /media/{key}} (a proxy), so the bucket stays private and the URL stays ours.
 */
class S3MediaStore implements MediaStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final MediaProperties.S3 bucket;
    private final URI endpoint;
    private final S3Signer signer;
    private final WebClient http;
    private final Clock clock;

    S3MediaStore(MediaProperties.S3 bucket, Clock clock) {
        for (var setting : Map.of("endpoint", String.valueOf(bucket.endpoint()), "region", String.valueOf(bucket.region()),
                "bucket", String.valueOf(bucket.bucket()), "access-key", String.valueOf(bucket.accessKey()),
                "secret-key", String.valueOf(bucket.secretKey())).entrySet()) {
            if (setting.getValue().isBlank() || setting.getValue().equals("null")) {
                throw new IllegalStateException("loyalty.media.store=s3 needs loyalty.media.s3." + setting.getKey()
                        + " (docs/operations.md \"Media\")");
            }
        }
        this.bucket = bucket;
        this.endpoint = URI.create(bucket.endpoint().replaceAll("/+$", ""));
        this.signer = new S3Signer(bucket.region(), bucket.accessKey(), bucket.secretKey());
        this.http = WebClient.builder().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        this.clock = clock;
    }

    @Override
    public Mono<Void> put(String key, byte[] bytes, String contentType) {
        return send(HttpMethod.PUT, key, bytes, contentType, response -> response.statusCode().is2xxSuccessful()
                ? response.releaseBody() : failed(response, "PUT", key));
    }

    @Override
    public Mono<byte[]> get(String key) {
        return send(HttpMethod.GET, key, null, null, response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToMono(byte[].class);
            }
            if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return response.releaseBody().then(Mono.empty());
            }
            return failed(response, "GET", key);
        });
    }

    @Override
    public Mono<Void> delete(String key) {
        return send(HttpMethod.DELETE, key, null, null, response -> response.statusCode().is2xxSuccessful()
                || response.statusCode().value() == HttpStatus.NOT_FOUND.value()
                ? response.releaseBody() : failed(response, "DELETE", key));
    }

    /** The object's URL: {@code <endpoint>/<bucket>/<key>} (path style) or {@code <bucket>.<endpoint host>/<key>}. */
    URI objectUri(String key) {
        String path = Arrays.stream((bucket.prefix() + key).split("/")).map(S3Signer::encode).collect(Collectors.joining("/"));
        String base = endpoint.getScheme() + "://" + (bucket.pathStyle() ? S3Signer.host(endpoint)
                : bucket.bucket() + "." + S3Signer.host(endpoint));
        return URI.create(base + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath())
                + (bucket.pathStyle() ? "/" + S3Signer.encode(bucket.bucket()) : "") + "/" + path);
    }

    /** Sends one signed request and hands its response to {@code handle}, which must read or release the body. */
    private <T> Mono<T> send(HttpMethod method, String key, byte[] body, String contentType,
                             Function<ClientResponse, Mono<T>> handle) {
        URI uri = objectUri(key);
        String payloadSha256 = body == null ? S3Signer.EMPTY_PAYLOAD_SHA256 : S3Signer.sha256Hex(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", S3Signer.host(uri));
        headers.put("x-amz-content-sha256", payloadSha256);
        headers.put("x-amz-date", S3Signer.amzDate(clock.instant()));
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        String authorization = signer.authorization(method.name(), uri, headers, payloadSha256);
        WebClient.RequestBodySpec request = http.method(method).uri(uri)
                .headers(h -> {
                    headers.forEach(h::set);
                    h.set("Authorization", authorization);
                });
        return (body == null ? request : request.bodyValue(body)).exchangeToMono(handle).timeout(TIMEOUT);
    }

    private static <T> Mono<T> failed(ClientResponse response, String method, String key) {
        return response.releaseBody().then(Mono.error(new IllegalStateException(
                "S3 " + method + " of media " + key + " answered " + response.statusCode().value())));
    }
}

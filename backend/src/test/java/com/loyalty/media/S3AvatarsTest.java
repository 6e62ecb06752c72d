package com.loyalty.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The backend with {@code loyalty.media.store=s3} against {@link FakeS3}: an uploaded avatar goes
 * to the bucket under its prefix, re-encoded, and is served from our own URL (the bucket stays
 * private: the backend proxies it).
 */
class S3AvatarsTest extends IntegrationTest {

    private static final FakeS3 S3 = start();

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) {
        registry.add("loyalty.media.store", () -> "s3");
        registry.add("loyalty.media.s3.endpoint", S3::endpoint);
        registry.add("loyalty.media.s3.region", () -> "ap-guangzhou");
        registry.add("loyalty.media.s3.bucket", () -> "members-1250000000");
        registry.add("loyalty.media.s3.prefix", () -> "avatars/");
        registry.add("loyalty.media.s3.access-key", () -> "cos-test-id");
        registry.add("loyalty.media.s3.secret-key", () -> "cos-test-secret");
        registry.add("loyalty.media.s3.path-style", () -> "true");
    }

    @AfterAll
    static void stop() {
        S3.close();
    }

    @Test
    void anAvatarGoesToTheBucketAndIsServedFromOurOwnUrl() {
        String token = (String) login(unique("cos")).get("accessToken");
        byte[] upload = TestImages.png(800, 800, false);

        String url = (String) uploadAvatar(token, "a.png", "image/png", upload)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("url");
        String key = url.substring(url.lastIndexOf('/') + 1);
        assertThat(S3.objects).containsKey("/members-1250000000/avatars/" + key);
        assertThat(S3.types).containsEntry("/members-1250000000/avatars/" + key, "image/jpeg");
        assertThat(S3.refused).isEmpty();

        byte[] served = http().get().uri(URI.create(url).getPath()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("image/jpeg")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(S3.objects.get("/members-1250000000/avatars/" + key)).isNotEqualTo(upload);

        S3.objects.clear();
        http().get().uri(URI.create(url).getPath()).exchange().expectStatus().isNotFound();
    }

    private static FakeS3 start() {
        try {
            return new FakeS3("cos-test-id", "ap-guangzhou");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.loyalty.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The S3 store against {@link FakeS3}: objects under {@code /<bucket>/<prefix><key>} (path style, as MinIO). */
class S3MediaStoreTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ.jpg";

    private FakeS3 s3;
    private S3MediaStore store;

    @BeforeEach
    void startFakeS3() throws IOException {
        s3 = new FakeS3("test-access", "ap-shanghai");
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
        store = new S3MediaStore(new MediaProperties.S3(s3.endpoint(), "ap-shanghai", "avatars-1250000000", "media/",
                "test-access", "test-secret", true), clock);
    }

    @AfterEach
    void stopFakeS3() {
        s3.close();
    }

    @Test
    void putsGetsAndDeletesSignedObjectsInTheBucket() {
        byte[] image = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

        store.put(KEY, image, "image/jpeg").block();
        assertThat(s3.objects).containsOnlyKeys("/avatars-1250000000/media/" + KEY);
        assertThat(s3.types).containsEntry("/avatars-1250000000/media/" + KEY, "image/jpeg");
        assertThat(store.get(KEY).block()).isEqualTo(image);

        store.delete(KEY).block();
        assertThat(s3.objects).isEmpty();
        assertThat(store.get(KEY).blockOptional()).isEmpty();
        // deleting what is not there is no failure
        store.delete(KEY).block();
        assertThat(s3.refused).isEmpty();
    }

    @Test
    void aMissingObjectIsEmptyAndARefusalIsAnError() {
        assertThat(store.get(KEY).blockOptional()).isEmpty();

        S3MediaStore wrongRegion = new S3MediaStore(new MediaProperties.S3(s3.endpoint(),
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
}

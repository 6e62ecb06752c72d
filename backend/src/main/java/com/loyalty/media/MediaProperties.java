package com.loyalty.media;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Uploads ({@code loyalty.media.*}, docs/operations.md "Media"): members' avatars and staff's
 * pictures of goods and events. The largest file taken, the largest source image (width or height,
 * checked from its header before decoding), the side an avatar and a picture are scaled down to
 * (to fit in that square), the public base URL of this server (the URLs handed out are
 * {@code <public-url>/media/<key>}, and updateProfile accepts only those), and where the objects
 * are kept: {@code store=local} (a directory, created on start) or {@code store=s3} (a bucket of
 * an S3-compatible service: Tencent COS, MinIO, AWS).
 */
@ConfigurationProperties("loyalty.media")
record MediaProperties(
        @DefaultValue("2MB") DataSize maxUploadSize,
        @DefaultValue("4096") int maxSourceSide,
        @DefaultValue("512") int avatarSide,
        @DefaultValue("1280") int pictureSide,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("local") StoreKind store,
        @DefaultValue Local local,
        @DefaultValue S3 s3) {

    public MediaProperties {
        publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Which {@link MediaStore} keeps the objects. */
    enum StoreKind { LOCAL, S3 }

    /** The directory of the local store. */
    record Local(@DefaultValue("data/media") Path directory) {
    }

    /**
     * The bucket of the S3 store: the service's endpoint (e.g. {@code https://cos.ap-shanghai.myqcloud.com},
     * {@code https://s3.ap-east-1.amazonaws.com}, {@code http://minio:9000}), its region, the bucket, an
     * optional key prefix, and the access key pair (from the environment). {@code pathStyle} addresses the
     * bucket as {@code <endpoint>/<bucket>/<key>} (MinIO) instead of {@code <bucket>.<endpoint host>/<key>}
     * (COS, AWS).
     */
    record S3(String endpoint, String region, String bucket, @DefaultValue("") String prefix,
              String accessKey, String secretKey, @DefaultValue("false") boolean pathStyle) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                    + ", pathStyle=" + pathStyle + "]";
        }
    }
}

package com.loyalty.media;

import com.loyalty.shared.crypto.Hmac;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * AWS Signature Version 4 for single-object S3 requests (PUT, GET, DELETE without a query string),
 * which Tencent COS, MinIO and AWS all accept: three calls do not need an SDK's dozen jars and its
 * own HTTP client. Checked against the worked example of AWS's S3 documentation (S3SignerTest).
 */
final class S3Signer {

    static final String EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String region;
    private final String accessKey;
    private final String secretKey;

    S3Signer(String region, String accessKey, String secretKey) {
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    static String amzDate(Instant at) {
        return AMZ_DATE.format(at);
    }

    /** The Host header of a request to this URI: the host, and the port unless it is the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443)
                || ("http".equals(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /**
     * The Authorization header of a request that will carry these headers (host, x-amz-date and
     * x-amz-content-sha256 among them, all signed) and a body with this SHA-256.
     */
    String authorization(String method, URI uri, Map<String, String> headers, String payloadSha256) {
        Map<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll(" +", " ")));
        String signedHeaders = String.join(";", canonical.keySet());
        String canonicalRequest = method + "\n"
                + (uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()) + "\n"
                + "\n"
                + canonical.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining())
                + "\n"
                + signedHeaders + "\n"
                + payloadSha256;
        String amzDate = canonical.get("x-amz-date");
        String day = amzDate.substring(0, 8);
        String scope = day + "/" + region + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = Hmac.sha256(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        key = Hmac.sha256(key, region);
        key = Hmac.sha256(key, "s3");
        key = Hmac.sha256(key, "aws4_request");
        String signature = HexFormat.of().formatHex(Hmac.sha256(key, stringToSign));
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + signature;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path segment encoded as S3 expects: unreserved characters as they are, everything else %XX. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}

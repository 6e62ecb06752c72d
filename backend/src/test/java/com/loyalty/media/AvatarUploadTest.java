package com.loyalty.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

class AvatarUploadTest extends IntegrationTest {

    @Test
    void aMemberUploadsAnAvatarAndSavesItsUrlInTheirProfile() throws IOException {
        String token = token(unique("face"));

        String url = (String) uploadAvatar(token, "IMG_0001.PNG", "image/png", TestImages.png(1000, 600, false))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("url");
        assertThat(url).startsWith("http://localhost:8080/media/").matches(".*/media/[A-Za-z0-9_-]{43}\\.jpg");

        EntityExchangeResult<byte[]> served = http().get().uri(URI.create(url).getPath()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("image/jpeg")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueMatches("Cache-Control", ".*max-age=31536000.*public.*|.*public.*max-age=31536000.*")
                .expectBody(byte[].class).returnResult();
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(served.getResponseBody()));
        assertThat(avatar.getWidth()).isEqualTo(512);
        assertThat(avatar.getHeight()).isEqualTo(307);

        HttpGraphQlTester me = withToken(token);
        me.documentName("updateProfile").variable("input", Map.of("avatarUrl", url)).execute()
                .path("updateProfile.userErrors").entityList(Object.class).hasSize(0)
                .path("updateProfile.member.avatarUrl").entity(String.class).isEqualTo(url);
        me.documentName("me").execute().path("me.avatarUrl").entity(String.class).isEqualTo(url);
    }

    @Test
    void aTransparentPngStaysAPngAndSmallImagesKeepTheirSize() throws IOException {
        String url = (String) uploadAvatar(token(unique("clear")), "a.png", "image/png", TestImages.png(100, 80, true))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("url");

        byte[] served = http().get().uri(URI.create(url).getPath()).exchange()
                .expectStatus().isOk().expectHeader().contentType("image/png")
                .expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(80);
        assertThat(image.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void anUploadWithoutASignInIsRefused() {
        uploadAvatar(null, "a.png", "image/png", TestImages.png(32, 32, false))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHENTICATED");
        uploadAvatar("not-a-token", "a.png", "image/png", TestImages.png(32, 32, false))
                .expectStatus().isUnauthorized();
    }

    @Test
    void nothingIsKeptBeforeTheMemberAcceptedThePrivacyNotice() {
        String name = unique("shy");
        String token = (String) loginWithoutConsents(name).get("accessToken");

        uploadAvatar(token, "a.png", "image/png", TestImages.png(32, 32, false))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PRIVACY_NOTICE_NOT_ACCEPTED");
        assertThat(db.sql("select count(*) as n from media_object m join member on member.id = m.member_id"
                        + " where member.openid = :o").bind("o", "o-fake-" + name).map(r -> r.get("n", Long.class)).one().block())
                .isZero();
    }

    @Test
    void staffCannotUploadAvatars() {
        String store = createStore("media");
        String clerk = anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", createStaff(store, "CLERK"), "password", STAFF_PASSWORD))
                .execute().path("staffLogin.accessToken").entity(String.class).get();

        uploadAvatar(clerk, "a.png", "image/png", TestImages.png(32, 32, false))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN");
    }

    @Test
    void aTextFileNamedPngIsRefused() {
        uploadAvatar(token(unique("txt")), "avatar.png", "image/png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isEqualTo(415)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UPLOAD_TYPE_UNSUPPORTED")
                .jsonPath("$.errors[0].message").isEqualTo("只能上传 JPG 或 PNG 图片，这个文件无法识别");
    }

    @Test
    void aBrokenImageWithTheRightMagicBytesIsRefused() {
        byte[] png = TestImages.png(64, 64, false);
        byte[] cut = java.util.Arrays.copyOf(png, 40);

        uploadAvatar(token(unique("cut")), "a.png", "image/png", cut)
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UPLOAD_TYPE_UNSUPPORTED");
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.png(8, 8, false), 0, big, 0, 40);

        uploadAvatar(token(unique("big")), "big.png", "image/png", big)
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UPLOAD_TOO_LARGE")
                .jsonPath("$.errors[0].message").isEqualTo("图片太大，请选择不超过 2MB 的图片");
    }

    @Test
    void aHugeDeclaredLengthIsRefusedBeforeAnyOfTheBodyIsSent() throws IOException {
        String token = token(unique("huge"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /media/avatar HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 500000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // not one byte of the body was sent: the answer comes from the header alone
            String answer = head(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("UPLOAD_TOO_LARGE");
        }
    }

    @Test
    void aStreamWithoutALengthIsCutOffAtTheLimit() throws IOException {
        String token = token(unique("stream"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /media/avatar HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(out, ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // a little over the limit, and then the client just keeps the request open: the answer
            // must not wait for an end that never comes
            byte[] piece = new byte[64 * 1024];
            for (int sent = 0; sent <= 2 * 1024 * 1024 + 64 * 1024; sent += piece.length) {
                chunk(out, piece);
            }
            out.flush();
            String answer = head(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("UPLOAD_TOO_LARGE");
        }
    }

    @Test
    void aPngThatClaimsHugeDimensionsIsRefusedWithoutDecodingIt() {
        // a valid header for 60000 x 60000 pixels (10.8 GB decoded) and a few bytes of data
        byte[] bomb = pngHeaderOnly(60_000, 60_000);

        uploadAvatar(token(unique("bomb")), "bomb.png", "image/png", bomb)
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UPLOAD_TOO_LARGE")
                .jsonPath("$.errors[0].message").isEqualTo("图片尺寸太大（最大 4096×4096 像素），请换一张");
    }

    @Test
    void theServedImageCarriesNoneOfTheOriginalsMetadata() {
        byte[] photo = withMetadata(TestImages.jpeg(300, 300),
                "Exif\0\0GPSLatitude=31.2304N;Model=SecretPhone", "taken at home-secret-comment");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("SecretPhone").contains("home-secret-comment");

        String url = (String) uploadAvatar(token(unique("exif")), "photo.jpg", "image/jpeg", photo)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("url");
        byte[] served = http().get().uri(URI.create(url).getPath()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();

        String text = new String(served, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("SecretPhone").doesNotContain("GPS").doesNotContain("Exif")
                .doesNotContain("home-secret-comment");
        assertThat(served).isNotEqualTo(photo);
    }

    @Test
    void unknownAndMalformedKeysAreNotFound() {
        http().get().uri("/media/" + "A".repeat(43) + ".jpg").exchange().expectStatus().isNotFound();
        http().get().uri("/media/secret.txt").exchange().expectStatus().isNotFound();
        // an encoded slash never gets past the firewall
        http().get().uri("/media/..%2F..%2Fpom.xml").exchange().expectStatus().isBadRequest();
        http().get().uri("/media/avatar").exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAnAvatarUrlIssuedToTheSameMemberCanBeSaved() {
        String mine = token(unique("mine"));
        String theirs = token(unique("theirs"));
        String theirUrl = uploadedAvatar(theirs);
        String myUrl = uploadedAvatar(mine);

        HttpGraphQlTester me = withToken(mine);
        for (String url : new String[] {theirUrl, "https://thirdwx.qlogo.cn/mmopen/a.png", "https://evil.example/media/x.png",
                myUrl.replace("http://localhost:8080", "https://evil.example"),
                "http://localhost:8080/media/" + "B".repeat(43) + ".jpg", myUrl + "?x=1", "javascript:alert(1)"}) {
            me.documentName("updateProfile").variable("input", Map.of("avatarUrl", url)).execute()
                    .path("updateProfile.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("updateProfile.userErrors[0].field").entityList(String.class).containsExactly("input", "avatarUrl")
                    .path("updateProfile.userErrors[0].message").entity(String.class).isEqualTo("头像需先上传，请重新选择头像");
        }
        me.documentName("updateProfile").variable("input", Map.of("avatarUrl", myUrl)).execute()
                .path("updateProfile.member.avatarUrl").entity(String.class).isEqualTo(myUrl);
    }

    @Test
    void uploadsAreRateLimitedPerMember() {
        String token = token(unique("many"));
        byte[] tiny = TestImages.png(8, 8, false);
        for (int i = 0; i < 10; i++) {
            uploadAvatar(token, "a.png", "image/png", tiny).expectStatus().isOk();
        }

        uploadAvatar(token, "a.png", "image/png", tiny)
                .expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("RATE_LIMITED");
        // another member is not held back
        uploadAvatar(token(unique("other")), "a.png", "image/png", tiny).expectStatus().isOk();
    }

    @Test
    void aSignedOutTokenUploadsNothing() {
        Map<String, Object> session = login(unique("gone"));
        anonymous().documentName("logout").variable("refreshToken", session.get("refreshToken")).execute()
                .path("logout.revoked").entity(Boolean.class).isEqualTo(true);

        uploadAvatar((String) session.get("accessToken"), "a.png", "image/png", TestImages.png(16, 16, false))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHENTICATED");
    }

    /** Forms no phone sends (no boundary, cut off, garbled): a clear INVALID_INPUT, never a server error. */
    @Test
    void aBrokenFormIsAClearRefusalNotAServerError() {
        String token = token(unique("broken"));
        byte[] png = TestImages.png(16, 16, false);
        byte[] start = ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream cutOff = new ByteArrayOutputStream();
        cutOff.writeBytes(start);
        cutOff.writeBytes(java.util.Arrays.copyOf(png, png.length / 2));

        Map<String, byte[]> forms = Map.of(
                "multipart/form-data", "--XyZ\r\n\r\nno boundary\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII),
                "multipart/form-data; boundary=XyZ", cutOff.toByteArray(),
                "multipart/form-data; boundary=\"\"", png,
                "multipart/form-data; boundary=XyZ ", "\0\0\0\r\n--XyZ\r\nContent-Disposition\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        forms.forEach((type, body) -> http().post().uri("/media/avatar")
                .headers(h -> h.setBearerAuth(token))
                .header("Content-Type", type)
                .bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_INPUT"));
    }

    private String token(String name) {
        return (String) login(name).get("accessToken");
    }

    /** The status line and headers of the answer, and as much of the body as has arrived. */
    private static String head(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        StringBuilder answer = new StringBuilder();
        int n;
        while ((n = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (answer.indexOf("}]}") >= 0) {
                break;
            }
        }
        return answer.toString();
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A PNG signature, an IHDR of these dimensions (8-bit RGB) with its CRC, a scrap of IDAT and IEND. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        pngChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        pngChunk(png, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01});
        pngChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream png, String type, byte[] data) {
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG with an APP1 (EXIF-like) segment and a comment (COM) segment right after its start marker. */
    private static byte[] withMetadata(byte[] jpeg, String app1, String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, app1.getBytes(StandardCharsets.ISO_8859_1));
        segment(out, 0xFE, comment.getBytes(StandardCharsets.ISO_8859_1));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xFF);
        out.write(data, 0, data.length);
    }
}

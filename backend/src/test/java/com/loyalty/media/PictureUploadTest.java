package com.loyalty.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Pictures of goods and events uploaded from the console ({@code POST /media/pictures}): who may
 * upload for what and which store, what is taken (JPEG, PNG, WebP by content, at most 2 MB and
 * 4096 pixels a side) and how it is stored and served, and which URLs goods and events then accept.
 */
class PictureUploadTest extends IntegrationTest {

    static final String CREATE_GOODS = """
            mutation($input: CreateMallGoodsInput!) { createMallGoods(input: $input) {
              goods { id pictureUrl } userErrors { field code message } } }""";
    static final String UPDATE_GOODS = """
            mutation($input: UpdateMallGoodsInput!) { updateMallGoods(input: $input) {
              goods { id pictureUrl version } userErrors { field code message } } }""";
    static final String CREATE_EVENT = """
            mutation($input: CreateMemberEventInput!) { createMemberEvent(input: $input) {
              event { id pictureUrl } userErrors { field code message } } }""";
    static final String UPDATE_EVENT = """
            mutation($input: UpdateMemberEventInput!) { updateMemberEvent(input: $input) {
              event { id title pictureUrl } userErrors { field code message } } }""";

    String marketerName;
    String marketerToken;
    String store;
    String managerToken;
    String otherStore;
    String otherManagerToken;

    @BeforeEach
    void brand() {
        marketerName = unique("marketer");
        admin().documentName("createStaff")
                .variable("input", Map.of("username", marketerName, "password", STAFF_PASSWORD, "role", "MARKETER"))
                .execute().path("createStaff.userErrors").entityList(Object.class).hasSize(0);
        marketerToken = staffAccessToken(marketerName, STAFF_PASSWORD);
        store = createStore("图片店");
        managerToken = staffAccessToken(createStaff(store, "STORE_MANAGER"), STAFF_PASSWORD);
        otherStore = createStore("别的店");
        otherManagerToken = staffAccessToken(createStaff(otherStore, "STORE_MANAGER"), STAFF_PASSWORD);
    }

    @Test
    void aMarketerUploadsAGoodsPictureThatTheGoodsThenShowAsStoredAndServed() throws IOException {
        Map<?, ?> answer = uploadPicture(marketerToken, "for=GOODS", "IMG_2001.PNG", "image/png", TestImages.png(2000, 1000, false))
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(Map.class).returnResult().getResponseBody();
        String url = (String) answer.get("url");
        assertThat(url).matches("http://localhost:8080/media/[A-Za-z0-9_-]{43}\\.jpg");
        assertThat(answer.get("width")).isEqualTo(1280);
        assertThat(answer.get("height")).isEqualTo(640);

        byte[] served = http().get().uri(URI.create(url).getPath()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("image/jpeg")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueMatches("Cache-Control", ".*max-age=31536000.*")
                .expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(picture.getWidth()).isEqualTo(1280);
        assertThat(picture.getHeight()).isEqualTo(640);

        HttpGraphQlTester marketer = withToken(marketerToken);
        String goods = marketer.document(CREATE_GOODS).variable("input", goods(Map.of("pictureUrl", url))).execute()
                .path("createMallGoods.userErrors").entityList(Object.class).hasSize(0)
                .path("createMallGoods.goods.pictureUrl").entity(String.class).isEqualTo(url)
                .path("createMallGoods.goods.id").entity(String.class).get();
        marketer.document("query($id: ID!) { managedMallItem(id: $id) { pictureUrl } }").variable("id", goods).execute()
                .path("managedMallItem.pictureUrl").entity(String.class).isEqualTo(url);

        String staffId = marketer.document("{ currentStaff { id } }").execute().path("currentStaff.id").entity(String.class).get();
        assertThat(auditOf(staffId, "UPLOAD_PICTURE")).singleElement().satisfies(entry -> {
            assertThat(entry.detail()).startsWith("GOODS ").contains(url.substring(url.lastIndexOf('/') + 1)).contains("1280x640");
            assertThat(entry.storeId()).isNull();
        });
    }

    @Test
    void aWebpIsTakenByItsContentAndStoredAsJpegOrAsPngWhenTransparent() throws IOException {
        String wide = (String) uploadPicture(marketerToken, "for=goods", "photo.bin", "application/octet-stream",
                resource("wide-1600x900.webp"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("url");
        assertThat(wide).endsWith(".jpg");
        BufferedImage jpeg = served(wide);
        assertThat(jpeg.getWidth()).isEqualTo(1280);
        assertThat(jpeg.getHeight()).isEqualTo(720);

        String clear = (String) uploadPicture(marketerToken, "for=GOODS", "clear.webp", "image/webp", resource("clear-120x80.webp"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("url");
        assertThat(clear).endsWith(".png");
        BufferedImage png = served(clear);
        assertThat(png.getWidth()).isEqualTo(120);
        assertThat(png.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void aStoreManagerUploadsPicturesOnlyForTheirOwnStoresEvents() {
        byte[] png = TestImages.png(64, 48, false);
        uploadPicture(managerToken, "for=EVENT", "a.png", "image/png", png).expectStatus().isOk();
        uploadPicture(managerToken, "for=EVENT&storeId=" + store, "a.png", "image/png", png).expectStatus().isOk();

        uploadPicture(managerToken, "for=EVENT&storeId=" + otherStore, "a.png", "image/png", png)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN");
        uploadPicture(managerToken, "for=GOODS", "a.png", "image/png", png)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("Forbidden: only marketers and admins upload pictures of goods");
        assertThat(db.sql("select count(*) as n from media_object where store_id = :s").bind("s", Long.parseLong(otherStore))
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void cashiersMembersAndStrangersUploadNoPictures() {
        byte[] png = TestImages.png(16, 16, false);
        String clerk = staffAccessToken(createStaff(store, "CLERK"), STAFF_PASSWORD);
        String member = (String) login(unique("pic")).get("accessToken");
        for (String token : List.of(clerk, member)) {
            for (String use : List.of("GOODS", "EVENT")) {
                uploadPicture(token, "for=" + use, "a.png", "image/png", png)
                        .expectStatus().isForbidden()
                        .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN");
            }
        }
        uploadPicture(null, "for=GOODS", "a.png", "image/png", png)
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aMarketerUploadsForAnyStoreOfTheBrandOrForTheBrandButNotForAnotherBrandsStore() {
        byte[] png = TestImages.png(16, 16, false);
        uploadPicture(marketerToken, "for=EVENT&storeId=" + otherStore, "a.png", "image/png", png).expectStatus().isOk();
        uploadPicture(marketerToken, "for=EVENT", "a.png", "image/png", png).expectStatus().isOk();
        long foreign = storeNamed(brandNamed("别的品牌"), unique("外店"));
        uploadPicture(marketerToken, "for=EVENT&storeId=" + foreign, "a.png", "image/png", png)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("STORE_NOT_FOUND");
        uploadPicture(marketerToken, "for=GOODS&storeId=" + store, "a.png", "image/png", png)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INVALID_INPUT");
        uploadPicture(marketerToken, "for=POSTER", "a.png", "image/png", png)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("for 应为 GOODS（商品图片）或 EVENT（活动图片）");
    }

    @Test
    void tooLargeWrongTypeAndNotAnImageAreEachRefusedClearly() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.png(8, 8, false), 0, big, 0, 40);
        uploadPicture(marketerToken, "for=GOODS", "big.png", "image/png", big)
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UPLOAD_TOO_LARGE")
                .jsonPath("$.errors[0].message").isEqualTo("图片太大，请选择不超过 2MB 的图片");

        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1);
        uploadPicture(marketerToken, "for=GOODS", "anim.png", "image/png", gif)
                .expectStatus().isEqualTo(415)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UPLOAD_TYPE_UNSUPPORTED")
                .jsonPath("$.errors[0].message").isEqualTo("不支持 GIF 格式，请上传 JPG、PNG 或 WebP 图片");

        for (byte[] notAnImage : List.of("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(TestImages.png(64, 64, false), 40), java.util.Arrays.copyOf(resource("wide-1600x900.webp"), 30))) {
            uploadPicture(marketerToken, "for=GOODS", "picture.jpg", "image/jpeg", notAnImage)
                    .expectStatus().isEqualTo(415)
                    .expectBody()
                    .jsonPath("$.errors[0].extensions.code").isEqualTo("UPLOAD_TYPE_UNSUPPORTED")
                    .jsonPath("$.errors[0].message").isEqualTo("这个文件不是图片或已损坏，请上传 JPG、PNG 或 WebP 图片");
        }

        uploadPicture(marketerToken, "for=GOODS", "wide.png", "image/png", TestImages.png(5000, 10, false))
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("图片尺寸太大（最大 4096×4096 像素），请换一张");
        // nothing of any of them was kept
        String staffId = withToken(marketerToken).document("{ currentStaff { id } }").execute()
                .path("currentStaff.id").entity(String.class).get();
        assertThat(db.sql("select count(*) as n from media_object where staff_id = :id").bind("id", Long.parseLong(staffId))
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void goodsTakeOnlyGoodsPicturesOfTheBrandOrHttpsPicturesHostedElsewhere() {
        HttpGraphQlTester marketer = withToken(marketerToken);
        String eventPicture = uploaded(marketerToken, "for=EVENT");
        String avatar = uploadedAvatar((String) login(unique("face")).get("accessToken"));
        for (String url : List.of(eventPicture, avatar, "http://cdn.example.com/cup.jpg", "javascript:alert(1)",
                "http://localhost:8080/media/" + "C".repeat(43) + ".jpg", "https://cdn.example.com/" + "a".repeat(490) + ".jpg")) {
            GraphQlTester.Response refused = marketer.document(CREATE_GOODS).variable("input", goods(Map.of("pictureUrl", url))).execute();
            refused.path("createMallGoods.goods").valueIsNull()
                    .path("createMallGoods.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("createMallGoods.userErrors[0].field").entityList(String.class).containsExactly("input", "pictureUrl");
        }
        marketer.document(CREATE_GOODS).variable("input", goods(Map.of("pictureUrl", eventPicture))).execute()
                .path("createMallGoods.userErrors[0].message").entity(String.class).isEqualTo("这张图片是为会员活动上传的，请为商品重新上传");

        String hosted = "https://cdn.example.com/goods/cup.jpg";
        marketer.document(CREATE_GOODS).variable("input", goods(Map.of("pictureUrl", hosted))).execute()
                .path("createMallGoods.userErrors").entityList(Object.class).hasSize(0)
                .path("createMallGoods.goods.pictureUrl").entity(String.class).isEqualTo(hosted);
    }

    @Test
    void anEventTakesAPictureUploadedForItsOwnStoreOrForTheBrandButNotAnotherStores() {
        String mine = uploaded(managerToken, "for=EVENT");
        String theirs = uploaded(otherManagerToken, "for=EVENT");
        String brands = uploaded(marketerToken, "for=EVENT");
        String goodsPicture = uploaded(marketerToken, "for=GOODS");
        HttpGraphQlTester manager = withToken(managerToken);

        manager.document(CREATE_EVENT).variable("input", event(Map.of("pictureUrl", theirs))).execute()
                .path("createMemberEvent.event").valueIsNull()
                .path("createMemberEvent.userErrors[0].field").entityList(String.class).containsExactly("input", "pictureUrl")
                .path("createMemberEvent.userErrors[0].message").entity(String.class).isEqualTo("这张图片是为其他门店的活动上传的，请为本活动重新上传");
        manager.document(CREATE_EVENT).variable("input", event(Map.of("pictureUrl", goodsPicture))).execute()
                .path("createMemberEvent.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");

        String eventId = manager.document(CREATE_EVENT).variable("input", event(Map.of("pictureUrl", mine))).execute()
                .path("createMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("createMemberEvent.event.pictureUrl").entity(String.class).isEqualTo(mine)
                .path("createMemberEvent.event.id").entity(String.class).get();
        manager.document(UPDATE_EVENT).variable("input", Map.of("eventId", eventId, "pictureUrl", brands)).execute()
                .path("updateMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("updateMemberEvent.event.pictureUrl").entity(String.class).isEqualTo(brands);
        manager.document(UPDATE_EVENT).variable("input", Map.of("eventId", eventId, "pictureUrl", theirs)).execute()
                .path("updateMemberEvent.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");

        // the marketer running the other store's event cannot take this store's picture there either
        withToken(marketerToken).document(CREATE_EVENT)
                .variable("input", event(Map.of("pictureUrl", mine, "storeId", otherStore))).execute()
                .path("createMemberEvent.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
    }

    @Test
    void aPictureSavedBeforeTheseRulesStaysUntilItIsReplaced() {
        HttpGraphQlTester manager = withToken(managerToken);
        String eventId = manager.document(CREATE_EVENT).variable("input", event(Map.of())).execute()
                .path("createMemberEvent.event.id").entity(String.class).get();
        db.sql("update member_event set picture_url = 'http://old.example/tasting.jpg' where id = :id")
                .bind("id", Long.parseLong(eventId)).then().block();

        manager.document(UPDATE_EVENT).variable("input", Map.of("eventId", eventId, "title", "秋季品鉴会")).execute()
                .path("updateMemberEvent.userErrors").entityList(Object.class).hasSize(0)
                .path("updateMemberEvent.event.pictureUrl").entity(String.class).isEqualTo("http://old.example/tasting.jpg");
        manager.document(UPDATE_EVENT).variable("input", Map.of("eventId", eventId, "pictureUrl", "http://old.example/new.jpg"))
                .execute()
                .path("updateMemberEvent.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        manager.document(UPDATE_EVENT).variable("input", Map.of("eventId", eventId, "pictureUrl", "")).execute()
                .path("updateMemberEvent.event.pictureUrl").valueIsNull();
    }

    private String uploaded(String token, String query) {
        return (String) uploadPicture(token, query, "p.png", "image/png", TestImages.png(40, 30, false))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("url");
    }

    private BufferedImage served(String url) {
        byte[] bytes = http().get().uri(URI.create(url).getPath()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PictureUploadTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> goods(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", unique("保温杯"), "pointsPrice", 100, "fulfilment", "PICKUP",
                "stock", 5));
        input.putAll(overrides);
        return input;
    }

    private Map<String, Object> event(Map<String, Object> overrides) {
        OffsetDateTime start = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(3)), ZoneOffset.ofHours(8));
        Map<String, Object> input = new HashMap<>(Map.of("title", "品鉴会", "startsAt", start.toString(),
                "endsAt", start.plusHours(2).toString(), "capacity", 10, "points", 0));
        input.putAll(overrides);
        return input;
    }

    private long brandNamed(String name) {
        return db.sql("insert into brand (name) values (:n) returning id").bind("n", unique(name))
                .map(row -> row.get("id", Long.class)).one().block();
    }
}

package com.loyalty.media;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.LargerBodyRoute;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /media/avatar}: a member's avatar, sent as {@code wx.uploadFile} sends it (multipart
 * form, the image in the field {@code file}, the member's access token in {@code Authorization:
 * Bearer}); answers {@code {"url": "<public-url>/media/<key>"}} for updateProfile's avatarUrl.
 * {@code POST /media/pictures?for=GOODS|EVENT&storeId=}: a picture of goods or of an event from the
 * console, the same form with a staff token; answers {@code {"url", "width", "height"}} for the
 * goods' or event's pictureUrl. {@code GET /media/{key}}: the stored image, public and cached for a
 * year (keys never change content). Refusals are JSON errors like GraphQL's ({@link UploadErrors}).
 */
@RestController
class MediaController {

    static final String AVATAR_PATH = "/media/avatar";
    static final String PICTURES_PATH = "/media/pictures";
    private static final String FILE_FIELD = "file";
    /** Room for the multipart boundaries, part headers and small form fields around the file. */
    private static final long MULTIPART_OVERHEAD = 16 * 1024;

    private final MediaService media;
    private final long maxFileBytes;
    private final PartEventHttpMessageReader multipart = new PartEventHttpMessageReader();

    MediaController(MediaService media, MediaProperties properties) {
        this.media = media;
        this.maxFileBytes = properties.maxUploadSize().toBytes();
        multipart.setMaxHeadersSize(8 * 1024);
        multipart.setMaxInMemorySize((int) MULTIPART_OVERHEAD);
    }

    @PostMapping(AVATAR_PATH)
    public Mono<ResponseEntity<Object>> uploadAvatar(ServerWebExchange exchange, @AuthenticationPrincipal Viewer viewer) {
        if (viewer == null) {
            return Mono.just(UploadErrors.unauthenticated());
        }
        if (viewer.role() != Role.MEMBER) {
            return Mono.just(UploadErrors.forbidden("only members upload avatars"));
        }
        return upload(exchange, file -> file.flatMap(bytes -> media.uploadAvatar(viewer.id(), bytes))
                .map(url -> Map.<String, Object>of("url", url)));
    }

    @PostMapping(PICTURES_PATH)
    public Mono<ResponseEntity<Object>> uploadPicture(ServerWebExchange exchange, @RequestParam(name = "for", required = false) String use,
                                                      @RequestParam(required = false) String storeId,
                                                      @AuthenticationPrincipal Viewer viewer) {
        if (viewer == null) {
            return Mono.just(UploadErrors.unauthenticated());
        }
        PictureUse what;
        Long store;
        try {
            what = PictureUse.valueOf(use == null ? "" : use.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mono.just(UploadErrors.refused(ErrorCode.INVALID_INPUT, "for 应为 GOODS（商品图片）或 EVENT（活动图片）"));
        }
        try {
            store = storeId == null || storeId.isBlank() ? null : Long.valueOf(storeId.strip());
        } catch (NumberFormatException e) {
            return Mono.just(UploadErrors.refused(ErrorCode.INVALID_INPUT, "storeId 应为门店编号"));
        }
        // the role and the store are checked before the file is read
        return upload(exchange, file -> media.uploadPicture(viewer, what, store, file)
                .map(picture -> Map.<String, Object>of("url", picture.url(), "width", picture.width(), "height", picture.height())))
                .onErrorResume(AccessDeniedException.class, e -> Mono.just(UploadErrors.forbidden(e.getMessage())));
    }

    /** Answers what {@code store} makes of the form's file (read when it subscribes), or the refusal as JSON. */
    private Mono<ResponseEntity<Object>> upload(ServerWebExchange exchange,
                                                Function<Mono<byte[]>, Mono<Map<String, Object>>> store) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return Mono.just(UploadErrors.refused(ErrorCode.INVALID_INPUT, "请用表单上传图片（字段 file）"));
        }
        Mono<byte[]> file = fileOf(exchange.getRequest())
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.INVALID_INPUT, "没有收到图片，请重新选择")));
        return store.apply(file)
                .map(body -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).<Object>body(body))
                .onErrorResume(BusinessException.class, e -> Mono.just(UploadErrors.refused(e.error().code(), e.error().message())))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(UploadErrors.tooLarge(maxFileBytes)))
                // a form that cannot be read (no boundary, cut off, garbled): the client's fault, said clearly
                .onErrorResume(CodecException.class, e -> Mono.just(UploadErrors.refused(ErrorCode.INVALID_INPUT,
                        "图片没有完整收到，请重新上传")));
    }

    @GetMapping("/media/{key}")
    public Mono<ResponseEntity<byte[]>> serve(@PathVariable String key) {
        return media.serve(key)
                .map(found -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(found.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'; sandbox")
                        .body(found.bytes()))
                .defaultIfEmpty(ResponseEntity.notFound().header("X-Content-Type-Options", "nosniff").build());
    }

    /**
     * The content of the form's {@code file} part, at most max-upload-size bytes
     * (DataBufferLimitException past that, as it streams in); other parts are skipped.
     */
    private Mono<byte[]> fileOf(ServerHttpRequest request) {
        Flux<PartEvent> events = multipart.read(ResolvableType.forClass(PartEvent.class), request, Map.of());
        return events.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, all) -> {
                    if (first.hasValue() && first.get() instanceof FilePartEvent && FILE_FIELD.equals(first.get().name())) {
                        return DataBufferUtils.join(all.map(PartEvent::content), (int) maxFileBytes).map(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        });
                    }
                    return all.doOnNext(event -> DataBufferUtils.release(event.content())).then(Mono.<byte[]>empty());
                }))
                .next();
    }

    /** Holds avatar and picture uploads to max-upload-size plus the form around it, answering UPLOAD_TOO_LARGE as JSON. */
    @Component
    static class UploadBodyLimit implements LargerBodyRoute {

        private final long maxFileBytes;
        private final JsonMapper json;

        UploadBodyLimit(MediaProperties properties, JsonMapper json) {
            this.maxFileBytes = properties.maxUploadSize().toBytes();
            this.json = json;
        }

        @Override
        public boolean matches(ServerHttpRequest request) {
            String path = request.getPath().pathWithinApplication().value();
            return request.getMethod() == HttpMethod.POST && (AVATAR_PATH.equals(path) || PICTURES_PATH.equals(path));
        }

        @Override
        public long maxBytes() {
            return maxFileBytes + MULTIPART_OVERHEAD;
        }

        @Override
        public Mono<Void> tooLarge(ServerWebExchange exchange) {
            return LargerBodyRoute.refuse(exchange, UploadErrors.tooLarge(maxFileBytes), json);
        }
    }
}

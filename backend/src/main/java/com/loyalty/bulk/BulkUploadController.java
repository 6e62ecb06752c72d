package com.loyalty.bulk;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.LargerBodyRoute;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.CodecException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
 * {@code POST /bulk/uploads?kind=MEMBERS|ORDERS}: an admin's file for import, as a multipart form
 * with the file in the field {@code file} and the admin's access token in {@code Authorization:
 * Bearer}; streamed to disk (never whole in memory), at most loyalty.bulk.max-upload-size, audited.
 * Answers {@code {"fileId": "..", "filename": "..", "format": "CSV|XLSX", "sizeBytes": n}} for
 * startBulkJob. Refusals are JSON errors shaped like GraphQL's. {@code GET /bulk/templates/members.csv}
 * and {@code orders.csv}: the templates, for anyone.
 */
@RestController
class BulkUploadController {

    static final String UPLOAD_PATH = "/bulk/uploads";
    private static final String FILE_FIELD = "file";
    private static final long MULTIPART_OVERHEAD = 16 * 1024;

    private final BulkUploads uploads;
    private final long maxFileBytes;
    private final PartEventHttpMessageReader multipart = new PartEventHttpMessageReader();

    BulkUploadController(BulkUploads uploads, BulkProperties properties) {
        this.uploads = uploads;
        this.maxFileBytes = properties.maxUploadSize().toBytes();
        multipart.setMaxHeadersSize(8 * 1024);
        multipart.setMaxInMemorySize((int) MULTIPART_OVERHEAD);
    }

    @PostMapping(UPLOAD_PATH)
    public Mono<ResponseEntity<Object>> upload(ServerWebExchange exchange, @RequestParam(required = false) String kind,
                                               @AuthenticationPrincipal Viewer viewer) {
        if (viewer == null) {
            return Mono.just(HttpErrors.unauthenticated());
        }
        if (viewer.role() != Role.ADMIN) {
            return Mono.just(HttpErrors.forbidden("only admins import files"));
        }
        BulkKind what;
        try {
            what = BulkKind.valueOf(kind == null ? "MEMBERS" : kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mono.just(HttpErrors.refused(ErrorCode.INVALID_INPUT, "kind 应为 MEMBERS 或 ORDERS"));
        }
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return Mono.just(HttpErrors.refused(ErrorCode.INVALID_INPUT, "请用表单上传文件（字段 file）"));
        }
        Flux<PartEvent> events = multipart.read(ResolvableType.forClass(PartEvent.class), exchange.getRequest(), Map.of());
        return events.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, all) -> {
                    if (first.hasValue() && first.get() instanceof FilePartEvent file && FILE_FIELD.equals(file.name())) {
                        return uploads.store(viewer, what, file.filename(), all.map(PartEvent::content), maxFileBytes);
                    }
                    return all.doOnNext(event -> org.springframework.core.io.buffer.DataBufferUtils.release(event.content()))
                            .then(Mono.<BulkFile>empty());
                }))
                .next()
                .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.INVALID_INPUT, "没有收到文件，请重新选择")))
                .map(file -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).<Object>body(Map.of(
                        "fileId", String.valueOf(file.id()), "filename", file.filename(), "format", file.format().name(),
                        "kind", file.kind().name(), "sizeBytes", file.sizeBytes())))
                .onErrorResume(BusinessException.class, e -> Mono.just(HttpErrors.refused(e.error().code(),
                        e.error().message())))
                .onErrorResume(CodecException.class, e -> Mono.just(HttpErrors.refused(ErrorCode.INVALID_INPUT,
                        "文件没有完整收到，请重新上传")));
    }

    @GetMapping("/bulk/templates/{name}.csv")
    public ResponseEntity<String> template(@PathVariable String name) {
        String body = Templates.csv(name);
        if (body == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + "-template.csv\"")
                .body(body);
    }

    /** Holds uploads to max-upload-size plus the form around it, answering UPLOAD_TOO_LARGE as JSON. */
    @Component
    static class UploadBodyLimit implements LargerBodyRoute {

        private final long maxFileBytes;
        private final JsonMapper json;

        UploadBodyLimit(BulkProperties properties, JsonMapper json) {
            this.maxFileBytes = properties.maxUploadSize().toBytes();
            this.json = json;
        }

        @Override
        public boolean matches(ServerHttpRequest request) {
            return request.getMethod() == HttpMethod.POST && UPLOAD_PATH.equals(request.getPath().pathWithinApplication().value());
        }

        @Override
        public long maxBytes() {
            return maxFileBytes + MULTIPART_OVERHEAD;
        }

        @Override
        public Mono<Void> tooLarge(ServerWebExchange exchange) {
            return LargerBodyRoute.refuse(exchange, HttpErrors.tooLarge(maxFileBytes), json);
        }
    }

    /** The refusals of the bulk routes, shaped like a GraphQL response's errors. */
    static final class HttpErrors {
        private HttpErrors() {
        }

        static ResponseEntity<Object> refused(ErrorCode code, String message) {
            HttpStatus status = code == ErrorCode.UPLOAD_TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
            return body(status, message, Map.of("code", code.name(), "classification", "BAD_REQUEST"));
        }

        static ResponseEntity<Object> unauthenticated() {
            return body(HttpStatus.UNAUTHORIZED,
                    "Unauthenticated: send a valid access token (Authorization: Bearer ...); refresh it if it expired",
                    Map.of("classification", "UNAUTHENTICATED"));
        }

        static ResponseEntity<Object> forbidden(String why) {
            return body(HttpStatus.FORBIDDEN, "Forbidden: " + why, Map.of("classification", "FORBIDDEN"));
        }

        static ResponseEntity<Object> tooLarge(long maxBytes) {
            return refused(ErrorCode.UPLOAD_TOO_LARGE, "文件太大，请不超过 " + maxBytes / (1024 * 1024) + "MB，或拆成几个文件");
        }

        private static ResponseEntity<Object> body(HttpStatus status, String message, Map<String, String> extensions) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
        }
    }
}

package com.loyalty.bulk;

import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /bulk/exports/{members|orders|points-ledger}.csv} with the access token in
 * {@code Authorization: Bearer}: the CSV, streamed. Orders and the ledger take {@code from} and
 * {@code to} (yyyy-MM-dd, business days, both included; default: everything); {@code phones=full}
 * (admins only) gives whole phone numbers instead of masked ones.
 */
@RestController
class BulkExportController {

    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private final BulkExports exports;
    private final JsonMapper json;

    BulkExportController(BulkExports exports, JsonMapper json) {
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/bulk/exports/{name}.csv")
    public Mono<Void> export(@PathVariable String name, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String phones,
                             @AuthenticationPrincipal Viewer viewer, ServerWebExchange exchange) {
        ResponseEntity<Object> refusal = refusal(name, from, to, phones, viewer);
        ServerHttpResponse response = exchange.getResponse();
        if (refusal != null) {
            response.setStatusCode(refusal.getStatusCode());
            response.getHeaders().putAll(refusal.getHeaders());
            byte[] body = refusal.getBody() == null ? new byte[0] : json.writeValueAsBytes(refusal.getBody());
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        }
        BulkExports.What what = BulkExports.What.of(name);
        LocalDate start = start(from);
        LocalDate end = end(to);
        response.getHeaders().setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        response.getHeaders().setCacheControl(CacheControl.noStore());
        response.getHeaders().setContentDisposition(ContentDisposition.attachment()
                .filename(exports.filename(viewer, what, start, end), StandardCharsets.UTF_8).build());
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        Flux<DataBuffer> body = exports.export(viewer, what, start, end, "full".equals(phones))
                .map(response.bufferFactory()::wrap);
        return response.writeAndFlushWith(body.map(Mono::just));
    }

    private static LocalDate start(String from) {
        return from == null || from.isBlank() ? EARLIEST : LocalDate.parse(from.strip());
    }

    private static LocalDate end(String to) {
        return to == null || to.isBlank() ? LocalDate.now().plusDays(1) : LocalDate.parse(to.strip());
    }

    /** Why the export is refused, or null when it may go ahead. */
    private static ResponseEntity<Object> refusal(String name, String from, String to, String phones, Viewer viewer) {
        if (viewer == null) {
            return BulkUploadController.HttpErrors.unauthenticated();
        }
        BulkExports.What what = BulkExports.What.of(name);
        if (what == null) {
            return ResponseEntity.status(404).build();
        }
        if (!BulkExports.mayExport(viewer)) {
            return BulkUploadController.HttpErrors.forbidden("only admins and store managers export");
        }
        boolean fullPhones = "full".equals(phones);
        if (fullPhones && viewer.role() != Role.ADMIN) {
            return BulkUploadController.HttpErrors.forbidden("only admins export whole phone numbers");
        }
        LocalDate start;
        LocalDate end;
        try {
            start = start(from);
            end = end(to);
        } catch (DateTimeParseException e) {
            return BulkUploadController.HttpErrors.refused(ErrorCode.INVALID_INPUT, "日期应写成 yyyy-MM-dd");
        }
        if (start.isAfter(end) || start.isBefore(EARLIEST) || end.getYear() > 2100) {
            return BulkUploadController.HttpErrors.refused(ErrorCode.INVALID_INPUT, "日期范围不正确");
        }
        return null;
    }
}

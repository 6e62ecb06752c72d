package com.loyalty.media;

import com.loyalty.shared.graphql.ErrorCode;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answers of the upload route when it refuses, shaped like a GraphQL response's errors so the
 * mini-program reads them the same way:
 * {@code {"errors": [{"message": "...", "extensions": {"code": "UPLOAD_TOO_LARGE", "classification": "BAD_REQUEST"}}]}},
 * and UNAUTHENTICATED / FORBIDDEN classified as the GraphQL fields classify them.
 */
final class UploadErrors {

    private UploadErrors() {
    }

    static ResponseEntity<Object> refused(ErrorCode code, String message) {
        HttpStatus status = switch (code) {
            case UPLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UPLOAD_TYPE_UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
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
        return refused(ErrorCode.UPLOAD_TOO_LARGE, "图片太大，请选择不超过 " + megabytes(maxBytes) + " 的图片");
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + "MB" : Math.max(1, bytes / 1024) + "KB";
    }

    private static ResponseEntity<Object> body(HttpStatus status, String message, Map<String, String> extensions) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
    }
}

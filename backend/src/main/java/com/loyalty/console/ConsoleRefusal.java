package com.loyalty.console;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the console's session routes refuse before doing anything: answered with its status and
 * {@code {"userErrors": [{"field": [...], "message": "...", "code": "..."}]}}.
 */
class ConsoleRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<String> field;

    ConsoleRefusal(HttpStatus status, String code, List<String> field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = List.copyOf(field);
    }

    static ConsoleRefusal badRequest(String message) {
        return new ConsoleRefusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", List.of(), message);
    }

    static ConsoleRefusal badField(String field, String message) {
        return new ConsoleRefusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", List.of(field), message);
    }

    static ConsoleRefusal forbidden(String message) {
        return new ConsoleRefusal(HttpStatus.FORBIDDEN, "FORBIDDEN", List.of(), message);
    }

    static ConsoleRefusal unauthenticated(String message) {
        return new ConsoleRefusal(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", List.of(), message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> field() {
        return field;
    }
}

package com.loyalty.console;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every console session route checks first, and how it reads its JSON body.
 *
 * <p>CSRF: the refresh cookie goes with every request the browser sends to /console/session, so a
 * request must prove it comes from the console's own script: the header
 * {@code X-Requested-With: loyalty-console} (a cross-site form cannot set a header, and a cross-site
 * script that sets one needs a CORS preflight this server never grants), and, when the browser says
 * where the request comes from ({@code Origin}), that origin must be this server: its host and port
 * equal those of the {@code Host} header. The scheme is left out because a TLS-terminating proxy
 * talks plain http to the backend; the proxy must pass the {@code Host} it was asked for.
 */
@Component
class ConsoleRequests {

    static final String REQUESTED_WITH = "X-Requested-With";
    static final String REQUESTED_WITH_VALUE = "loyalty-console";
    /** The largest body a session route takes. */
    static final int MAX_BODY_BYTES = 4 * 1024;

    private final JsonMapper json;

    ConsoleRequests(JsonMapper json) {
        this.json = json;
    }

    /** Refuses (403) a request that does not come from the console's own pages, and (413) a body over 4 KB by its length. */
    static void check(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        if (!REQUESTED_WITH_VALUE.equals(headers.getFirst(REQUESTED_WITH))) {
            throw ConsoleRefusal.forbidden("请求缺少 " + REQUESTED_WITH + ": " + REQUESTED_WITH_VALUE
                    + "，只接受管理后台页面发出的请求");
        }
        String origin = headers.getFirst(HttpHeaders.ORIGIN);
        if (origin != null && !sameHost(origin, headers.getFirst(HttpHeaders.HOST))) {
            throw ConsoleRefusal.forbidden("请求来自其他网站（Origin: " + printable(origin) + "），已拒绝");
        }
        if (headers.getContentLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
    }

    /** Whether the Origin names the host and port of the Host header (default ports 80 and 443 left out on both sides). */
    static boolean sameHost(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
                return false;
            }
            return authority(uri.getRawAuthority()).equals(authority(host.strip()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String authority(String authority) {
        String lower = authority.toLowerCase(Locale.ROOT);
        return lower.endsWith(":80") || lower.endsWith(":443") ? lower.substring(0, lower.lastIndexOf(':')) : lower;
    }

    /** The body as a JSON object: 413 over 4 KB, 415 when it is not sent as JSON, 400 when it is not a JSON object. */
    Mono<JsonNode> object(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        if (type != null && !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            return Mono.error(new ConsoleRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "INVALID_INPUT", List.of(),
                    "请以 JSON 发送（Content-Type: application/json），收到的是 " + printable(type.toString())));
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .switchIfEmpty(Mono.error(() -> ConsoleRefusal.badRequest("请求体为空：需要一个 JSON 对象")))
                .map(this::parse);
    }

    private JsonNode parse(byte[] bytes) {
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                    : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
            throw ConsoleRefusal.badRequest("请求体不是有效的 JSON" + where);
        }
        if (node == null || !node.isObject()) {
            throw ConsoleRefusal.badRequest("请求体需要是一个 JSON 对象，例如 {\"username\": \"...\", \"password\": \"...\"}");
        }
        return node;
    }

    /**
     * A required text field of the body, at most {@code maxLength} characters, without control
     * characters or broken UTF-16; 400 naming the field otherwise.
     */
    static String text(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ConsoleRefusal.badField(field, "缺少 " + field);
        }
        if (!value.isString()) {
            throw ConsoleRefusal.badField(field, field + " 需要是字符串");
        }
        String text = value.asString();
        if (text.length() > maxLength) {
            throw ConsoleRefusal.badField(field, field + " 太长（最多 " + maxLength + " 个字符）");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean brokenPair = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (Character.isISOControl(c) || brokenPair) {
                throw ConsoleRefusal.badField(field, field + " 含有不能使用的字符");
            }
        }
        return text;
    }

    private static ConsoleRefusal tooLarge() {
        return new ConsoleRefusal(HttpStatus.CONTENT_TOO_LARGE, "INVALID_INPUT", List.of(),
                "请求体超过 " + MAX_BODY_BYTES / 1024 + " KB");
    }

    /** Header text safe to repeat in a message: at most 100 characters, no control characters. */
    private static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

package com.loyalty.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The OAuth2 token endpoint for machine clients (RFC 6749 section 4.4, client credentials):
 * {@code POST /oauth/token} with {@code grant_type=client_credentials}, the client authenticated by
 * HTTP Basic or by {@code client_id} and {@code client_secret} form fields, and optionally
 * {@code scope} (a subset of the client's). It answers a bearer token for {@code /graphql}, or an
 * error as section 5.2 writes it ({@code {"error": ..., "error_description": ...}}).
 */
@RestController
class TokenEndpoint {

    static final String PATH = "/oauth/token";
    private static final int MAX_CLIENT_ID = 18;
    private static final int MAX_SECRET = 200;
    private static final int MAX_SCOPE = 500;

    private final ClientTokens tokens;
    private final Clock clock;

    TokenEndpoint(ClientTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return exchange.getFormData()
                .flatMap(form -> {
                    Request request = Request.of(form, basic ? authorization.substring(6).trim() : null);
                    return tokens.issue(request.clientId(), request.secret(), request.scopes(), address(exchange));
                })
                .map(granted -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", granted.token());
                    body.put("token_type", "Bearer");
                    body.put("expires_in", Math.max(0, Duration.between(clock.instant(), granted.expiresAt()).toSeconds()));
                    body.put("scope", String.join(" ", granted.scopes()));
                    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
                })
                .onErrorResume(ClientTokens.Refused.class, refused -> Mono.just(error(refused, basic)));
    }

    /** The caller's address (the client's behind trusted proxies, see TrustedProxies). */
    private static String address(ServerWebExchange exchange) {
        java.net.InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown"
                : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    private static ResponseEntity<Map<String, Object>> error(ClientTokens.Refused refused, boolean basic) {
        HttpStatus status = switch (refused.error) {
            case "invalid_client" -> HttpStatus.UNAUTHORIZED;
            case "rate_limited" -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, basic ? "Basic realm=\"loyalty\"" : "Bearer");
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            response.header(HttpHeaders.RETRY_AFTER, "60");
        }
        return response.body(Map.of("error", refused.error, "error_description", refused.getMessage()));
    }

    /** A checked token request: which client, its secret, and the scopes asked for (null: all of the client's). */
    private record Request(long clientId, String secret, Set<String> scopes) {

        static Request of(MultiValueMap<String, String> form, String basic) {
            for (String name : List.of("grant_type", "client_id", "client_secret", "scope")) {
                if (form.getOrDefault(name, List.of()).size() > 1) {
                    throw new ClientTokens.Refused("invalid_request", "参数 " + name + " 重复");
                }
            }
            String grantType = form.getFirst("grant_type");
            if (grantType == null || grantType.isBlank()) {
                throw new ClientTokens.Refused("invalid_request", "缺少 grant_type");
            }
            if (!"client_credentials".equals(grantType)) {
                throw new ClientTokens.Refused("unsupported_grant_type", "只支持 grant_type=client_credentials");
            }
            String id = form.getFirst("client_id");
            String secret = form.getFirst("client_secret");
            if (basic != null) {
                if (secret != null) {
                    throw new ClientTokens.Refused("invalid_request", "客户端认证只能用一种方式（HTTP Basic 或表单参数）");
                }
                String[] pair = decodeBasic(basic);
                if (id != null && !id.equals(pair[0])) {
                    throw new ClientTokens.Refused("invalid_request", "client_id 与 HTTP Basic 中的不一致");
                }
                id = pair[0];
                secret = pair[1];
            }
            if (id == null || secret == null || id.isEmpty() || secret.isEmpty()) {
                throw new ClientTokens.Refused("invalid_client", "缺少客户端编号或密钥");
            }
            if (id.length() > MAX_CLIENT_ID || !id.chars().allMatch(c -> c >= '0' && c <= '9')
                    || secret.length() > MAX_SECRET) {
                throw new ClientTokens.Refused("invalid_client", "客户端编号或密钥错误，或客户端已吊销");
            }
            return new Request(Long.parseLong(id), secret, scopes(form.getFirst("scope")));
        }

        private static Set<String> scopes(String scope) {
            if (scope == null || scope.isBlank()) {
                return null;
            }
            if (scope.length() > MAX_SCOPE) {
                throw new ClientTokens.Refused("invalid_scope", "scope 太长");
            }
            Set<String> scopes = new LinkedHashSet<>(List.of(scope.trim().split(" +")));
            for (String s : scopes) {
                if (!ApiClientScopes.known(s)) {
                    throw new ClientTokens.Refused("invalid_scope", "未知的权限：" + s);
                }
            }
            return scopes;
        }

        /** {@code client_id:client_secret}, each form-urlencoded (RFC 6749 section 2.3.1). */
        private static String[] decodeBasic(String credentials) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("no colon");
                }
                return new String[] {
                        java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
            } catch (IllegalArgumentException e) {
                throw new ClientTokens.Refused("invalid_client", "HTTP Basic 凭据格式错误");
            }
        }
    }
}

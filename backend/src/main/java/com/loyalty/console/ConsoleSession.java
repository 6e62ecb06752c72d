package com.loyalty.console;

import com.loyalty.auth.LoginService;
import com.loyalty.auth.PasswordService;
import com.loyalty.auth.SessionService;
import com.loyalty.auth.SessionTokens;
import com.loyalty.auth.StaffLoginInput;
import com.loyalty.auth.StaffLoginPayload;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.AccessToken;
import com.loyalty.shared.security.AccessTokens;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.ChangeMyPasswordInput;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The console's sign-in, with the refresh token in an httpOnly cookie ({@link RefreshCookie}) and
 * the access token in the page's memory only. JSON routes, each behind the CSRF checks of
 * {@link ConsoleRequests}; every answer carries {@code userErrors} (empty when all went well):
 * <ul>
 * <li>{@code POST /console/session/login {username, password}}: staffLogin's rules, limits and
 * answers; sets the cookie; {@code {accessToken, expiresAt, mustChangePassword, userErrors}}.</li>
 * <li>{@code POST /console/session/refresh}: rotates the cookie's refresh token; 401 and the cookie
 * cleared when it is missing, unknown, ended or reused (reuse ends the sign-in);
 * {@code {accessToken, expiresAt, mustChangePassword, userErrors}}.</li>
 * <li>{@code POST /console/session/logout}: ends the cookie's sign-in, clears the cookie;
 * {@code {revoked, userErrors}}.</li>
 * <li>{@code POST /console/session/password {currentPassword, newPassword}} with
 * {@code Authorization: Bearer}: changeMyPassword's rules; every sign-in of the account ends and the
 * new one's cookie is set; {@code {accessToken, expiresAt, userErrors}}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSession {

    static final String PATH = RefreshCookie.PATH;
    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 1024;

    private final LoginService logins;
    private final SessionService sessions;
    private final PasswordService passwords;
    private final AccessTokens accessTokens;
    private final ConsoleRequests requests;
    private final RefreshCookie cookie;
    private final ZoneId zone;

    ConsoleSession(LoginService logins, SessionService sessions, PasswordService passwords, AccessTokens accessTokens,
                   ConsoleRequests requests, RefreshCookie cookie, BrandProperties brand) {
        this.logins = logins;
        this.sessions = sessions;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.requests = requests;
        this.cookie = cookie;
        this.zone = brand.zone();
    }

    @Bean
    RouterFunction<ServerResponse> consoleSessionRoutes() {
        return RouterFunctions.route()
                .POST(PATH + "/login", this::login)
                .POST(PATH + "/refresh", this::refresh)
                .POST(PATH + "/logout", this::logout)
                .POST(PATH + "/password", this::password)
                .filter((request, next) -> Mono.defer(() -> {
                            ConsoleRequests.check(request);
                            return next.handle(request);
                        })
                        .onErrorResume(ConsoleRefusal.class, refusal -> answer(refusal.status(),
                                errors(new Error(refusal.field(), refusal.getMessage(), refusal.code())), null)))
                .build();
    }

    Mono<ServerResponse> login(ServerRequest request) {
        return requests.object(request).flatMap(body -> {
            StaffLoginInput input = new StaffLoginInput(ConsoleRequests.text(body, "username", MAX_USERNAME),
                    ConsoleRequests.text(body, "password", MAX_PASSWORD));
            return logins.staffLogin(input, clientAddress(request))
                    .transform(Payloads.recover(StaffLoginPayload::failed))
                    .flatMap(payload -> {
                        Map<String, Object> answer = new LinkedHashMap<>();
                        answer.put("accessToken", payload.accessToken());
                        answer.put("expiresAt", time(payload.expiresAt()));
                        answer.put("mustChangePassword", payload.mustChangePassword());
                        answer.put("userErrors", userErrors(payload.userErrors()));
                        if (!payload.userErrors().isEmpty()) {
                            return answer(HttpStatus.OK, answer, null);
                        }
                        // a sign-in this browser held before ends: one console sign-in per browser
                        Mono<Boolean> previous = RefreshCookie.of(request).map(sessions::logout).orElse(Mono.just(false));
                        return previous.then(answer(HttpStatus.OK, answer, cookie.holding(payload.refreshToken())));
                    });
        });
    }

    Mono<ServerResponse> refresh(ServerRequest request) {
        Optional<String> token = RefreshCookie.of(request);
        if (token.isEmpty()) {
            return signedOut(ErrorCode.REFRESH_TOKEN_INVALID.name(), "登录已过期，请重新登录");
        }
        return sessions.refresh(token.get())
                .flatMap(tokens -> {
                    AccessToken access = accessTokens.verify(tokens.accessToken()).orElseThrow();
                    if (access.viewer().role() == Role.MEMBER) {
                        // only staff sign in to the console: a member's token in the cookie was put there by hand
                        return sessions.logout(tokens.refreshToken())
                                .then(signedOut(ErrorCode.REFRESH_TOKEN_INVALID.name(), "会员账号不能登录管理后台"));
                    }
                    Map<String, Object> answer = session(tokens);
                    answer.put("mustChangePassword", access.passwordChangeRequired());
                    answer.put("userErrors", List.of());
                    return answer(HttpStatus.OK, answer, cookie.holding(tokens.refreshToken()));
                })
                .onErrorResume(BusinessException.class,
                        e -> signedOut(e.error().code().name(), e.error().message()));
    }

    Mono<ServerResponse> logout(ServerRequest request) {
        Mono<Boolean> revoked = RefreshCookie.of(request).map(sessions::logout).orElse(Mono.just(false));
        return revoked.flatMap(ended -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("revoked", ended);
            answer.put("userErrors", List.of());
            return answer(HttpStatus.OK, answer, cookie.cleared());
        });
    }

    Mono<ServerResponse> password(ServerRequest request) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(authentication -> authentication.getPrincipal() instanceof Viewer viewer
                        ? Mono.just(viewer) : Mono.empty())
                .switchIfEmpty(Mono.error(() -> ConsoleRefusal.unauthenticated(
                        "请先登录：在 Authorization: Bearer 中发送有效的访问令牌（过期请先刷新）")))
                .flatMap(viewer -> {
                    if (!viewer.role().isStaff()) {
                        return Mono.error(ConsoleRefusal.forbidden("只有员工可以在管理后台修改密码"));
                    }
                    return requests.object(request).flatMap(body -> {
                        ChangeMyPasswordInput input = new ChangeMyPasswordInput(
                                ConsoleRequests.text(body, "currentPassword", MAX_PASSWORD),
                                ConsoleRequests.text(body, "newPassword", MAX_PASSWORD));
                        return passwords.change(viewer, input)
                                .flatMap(changed -> {
                                    Map<String, Object> answer = session(new SessionTokens(changed.accessToken(),
                                            changed.refreshToken(), changed.expiresAt()));
                                    answer.put("userErrors", List.of());
                                    return answer(HttpStatus.OK, answer, cookie.holding(changed.refreshToken()));
                                })
                                .onErrorResume(BusinessException.class, e -> {
                                    Map<String, Object> answer = new LinkedHashMap<>();
                                    answer.put("accessToken", null);
                                    answer.put("expiresAt", null);
                                    answer.put("userErrors", userErrors(List.of(e.error())));
                                    return answer(HttpStatus.OK, answer, null);
                                });
                    });
                });
    }

    /** 401: the browser holds no usable sign-in; the cookie is cleared. */
    private Mono<ServerResponse> signedOut(String code, String message) {
        return answer(HttpStatus.UNAUTHORIZED, errors(new Error(List.of(), message, code)), cookie.cleared());
    }

    private Map<String, Object> session(SessionTokens tokens) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accessToken", tokens.accessToken());
        answer.put("expiresAt", time(tokens.expiresAt()));
        return answer;
    }

    /** An instant as the API's DateTime shows it: ISO-8601 with the brand's offset. */
    private String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }

    /** A user error as JSON: {@code {field, message, code}}, as GraphQL's UserError. */
    private record Error(List<String> field, String message, String code) {
    }

    private static List<Error> userErrors(List<UserError> errors) {
        return errors.stream().map(e -> new Error(e.field(), e.message(), e.code().name())).toList();
    }

    private static Map<String, Object> errors(Error error) {
        return Map.of("userErrors", List.of(error));
    }

    /** A JSON answer that no cache keeps, with the cookie to set (null: none). */
    private static Mono<ServerResponse> answer(HttpStatus status, Map<String, Object> body, ResponseCookie cookie) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache");
        if (cookie != null) {
            builder = builder.cookie(cookie);
        }
        return builder.bodyValue(body);
    }

    /** The caller's address (the client's, behind trusted proxies), for the sign-in limits. */
    private static String clientAddress(ServerRequest request) {
        return request.remoteAddress()
                .map(remote -> remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress())
                .orElse("unknown");
    }
}

package com.loyalty.console;

import com.loyalty.shared.security.AuthProperties;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The console's refresh token lives in this cookie only, never in the page's script:
 * {@code loyalty_console_refresh=<token>; HttpOnly; SameSite=Strict; Path=/console/session;
 * Max-Age=<refresh-token lifetime>} and {@code Secure} unless {@code loyalty.console.secure-cookie=false}.
 * The browser sends it to the session routes only, and never along with a request another site starts.
 */
@Component
class RefreshCookie {

    static final String NAME = "loyalty_console_refresh";
    static final String PATH = "/console/session";

    private final Duration lifetime;
    private final boolean secure;

    RefreshCookie(AuthProperties auth, ConsoleProperties console) {
        this.lifetime = auth.refreshTokenTtl();
        this.secure = console.secureCookie();
    }

    /** The cookie holding a refresh token. */
    ResponseCookie holding(String refreshToken) {
        return base(refreshToken).maxAge(lifetime).build();
    }

    /** The cookie that makes the browser forget it. */
    ResponseCookie cleared() {
        return base("").maxAge(Duration.ZERO).build();
    }

    /** The refresh token the browser sent, if any. */
    static Optional<String> of(ServerRequest request) {
        return Optional.ofNullable(request.cookies().getFirst(NAME)).map(HttpCookie::getValue).filter(v -> !v.isBlank());
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict").path(PATH).secure(secure);
    }
}

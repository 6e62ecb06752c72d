package com.loyalty.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The console's sign-in: the refresh token travels in an httpOnly, SameSite=Strict, Secure cookie
 * limited to /console/session and never in a body the page's script can read; refresh rotates it,
 * logout and password changes end sign-ins, and requests that do not come from the console's own
 * pages are refused.
 */
class ConsoleSessionTest extends IntegrationTest {

    private static final String COOKIE = "loyalty_console_refresh";

    @Test
    void aStaffSignInSetsAnHttpOnlyStrictSecureCookieAndTheBodyCarriesNoRefreshToken() {
        String clerk = createStaff(createStore("console"), "CLERK");

        EntityExchangeResult<Map> signIn = signIn(clerk, STAFF_PASSWORD);

        assertThat(signIn.getStatus().value()).isEqualTo(200);
        Map<?, ?> body = signIn.getResponseBody();
        assertThat(keys(body)).containsExactly("accessToken", "expiresAt", "mustChangePassword", "userErrors");
        assertThat(body.get("userErrors")).isEqualTo(List.of());
        assertThat(body.get("mustChangePassword")).isEqualTo(false);
        assertThat((String) body.get("expiresAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        String setCookie = signIn.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        // attribute names are case-insensitive (Reactor Netty writes HTTPOnly)
        assertThat(setCookie).startsWith(COOKIE + "=");
        assertThat(setCookie.toLowerCase()).contains("; httponly", "; samesite=strict", "; path=/console/session",
                "; max-age=2592000", "; secure");
        String refresh = cookieValue(signIn);
        assertThat(refresh).isNotBlank();
        assertThat(new String(signIn.getResponseBodyContent())).doesNotContain(refresh).doesNotContain("refreshToken");
        assertThat(signIn.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        // the access token works like staffLogin's
        withToken((String) body.get("accessToken")).documentName("currentStaff").execute()
                .path("currentStaff.username").entity(String.class).isEqualTo(clerk);
    }

    @Test
    void refreshRotatesTheCookieAndTheOldCookieIsThenRefusedAndEndsTheSignIn() {
        String clerk = createStaff(createStore("rotate"), "CLERK");
        String first = cookieValue(signIn(clerk, STAFF_PASSWORD));

        EntityExchangeResult<Map> refreshed = refresh(first);
        assertThat(refreshed.getStatus().value()).isEqualTo(200);
        assertThat(keys(refreshed.getResponseBody()))
                .containsExactly("accessToken", "expiresAt", "mustChangePassword", "userErrors");
        String second = cookieValue(refreshed);
        assertThat(second).isNotEqualTo(first);
        assertThat(new String(refreshed.getResponseBodyContent())).doesNotContain(second);
        String access = (String) refreshed.getResponseBody().get("accessToken");
        withToken(access).documentName("currentStaff").execute().path("currentStaff.username").entity(String.class)
                .isEqualTo(clerk);

        // the rotated-out cookie comes back (copied): refused, cleared, and the whole sign-in ends
        EntityExchangeResult<Map> reused = refresh(first);
        assertThat(reused.getStatus().value()).isEqualTo(401);
        assertThat(reused.getResponseBody()).isEqualTo(Map.of("userErrors", List.of(Map.of("field", List.of(),
                "code", "REFRESH_TOKEN_REUSED", "message", "登录凭证已被使用，为保护账号安全已全部失效，请重新登录"))));
        assertCleared(reused);
        assertUnauthenticated(withToken(access).documentName("currentStaff").execute(), "currentStaff");
        assertThat(refresh(second).getStatus().value()).isEqualTo(401);
    }

    @Test
    void withoutACookieRefreshAnswers401AndClearsIt() {
        EntityExchangeResult<Map> none = console("/console/session/refresh").exchange().expectBody(Map.class).returnResult();
        assertThat(none.getStatus().value()).isEqualTo(401);
        assertThat(none.getResponseBody()).isEqualTo(Map.of("userErrors", List.of(Map.of("field", List.of(),
                "code", "REFRESH_TOKEN_INVALID", "message", "登录已过期，请重新登录"))));
        assertCleared(none);

        EntityExchangeResult<Map> made = refresh("made-up.token");
        assertThat(made.getStatus().value()).isEqualTo(401);
        assertThat(made.getResponseBody().toString()).contains("REFRESH_TOKEN_INVALID");
    }

    @Test
    void signingInAgainInTheSameBrowserEndsItsPreviousSignIn() {
        String manager = createStaff(createStore("again"), "STORE_MANAGER");
        EntityExchangeResult<Map> before = signIn(manager, STAFF_PASSWORD);
        String otherBrowser = (String) signIn(manager, STAFF_PASSWORD).getResponseBody().get("accessToken");

        EntityExchangeResult<Map> after = console("/console/session/login").cookie(COOKIE, cookieValue(before))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", manager, "password", STAFF_PASSWORD))
                .exchange().expectBody(Map.class).returnResult();

        assertThat(cookieValue(after)).isNotEqualTo(cookieValue(before));
        assertUnauthenticated(withToken((String) before.getResponseBody().get("accessToken")).documentName("currentStaff")
                .execute(), "currentStaff");
        assertThat(refresh(cookieValue(before)).getStatus().value()).isEqualTo(401);
        // another browser's sign-in of the same account stays
        withToken(otherBrowser).documentName("currentStaff").execute().path("currentStaff.username")
                .entity(String.class).isEqualTo(manager);
        assertThat(refresh(cookieValue(after)).getStatus().value()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSignInAndClearsTheCookie() {
        String clerk = createStaff(createStore("logout"), "CLERK");
        EntityExchangeResult<Map> signIn = signIn(clerk, STAFF_PASSWORD);
        String refresh = cookieValue(signIn);
        String access = (String) signIn.getResponseBody().get("accessToken");

        EntityExchangeResult<Map> out = console("/console/session/logout").cookie(COOKIE, refresh).exchange()
                .expectBody(Map.class).returnResult();

        assertThat(out.getStatus().value()).isEqualTo(200);
        assertThat(out.getResponseBody()).isEqualTo(Map.of("revoked", true, "userErrors", List.of()));
        assertCleared(out);
        assertUnauthenticated(withToken(access).documentName("currentStaff").execute(), "currentStaff");
        assertThat(refresh(refresh).getStatus().value()).isEqualTo(401);
        // again, or without a cookie: nothing left to end
        assertThat(console("/console/session/logout").cookie(COOKIE, refresh).exchange().expectBody(Map.class)
                .returnResult().getResponseBody()).isEqualTo(Map.of("revoked", false, "userErrors", List.of()));
        assertThat(console("/console/session/logout").exchange().expectBody(Map.class)
                .returnResult().getResponseBody()).isEqualTo(Map.of("revoked", false, "userErrors", List.of()));
    }

    @Test
    void aDisabledStaffAccountsCookieStopsWorking() {
        String clerk = createStaff(createStore("leaver"), "CLERK");
        EntityExchangeResult<Map> signIn = signIn(clerk, STAFF_PASSWORD);
        String clerkId = withToken((String) signIn.getResponseBody().get("accessToken")).documentName("currentStaff")
                .execute().path("currentStaff.id").entity(String.class).get();

        admin().documentName("setStaffEnabled").variable("staffId", clerkId).variable("enabled", false).execute()
                .path("setStaffEnabled.staff.enabled").entity(Boolean.class).isEqualTo(false);

        EntityExchangeResult<Map> refused = refresh(cookieValue(signIn));
        assertThat(refused.getStatus().value()).isEqualTo(401);
        assertCleared(refused);
        EntityExchangeResult<Map> again = signIn(clerk, STAFF_PASSWORD);
        assertThat(again.getResponseBody().get("userErrors").toString()).contains("ACCOUNT_DISABLED");
        assertThat(again.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void aRequestWithoutTheConsolesHeaderOrFromAnotherSiteIsRefused() {
        String clerk = createStaff(createStore("csrf"), "CLERK");
        String refresh = cookieValue(signIn(clerk, STAFF_PASSWORD));

        for (String route : List.of("login", "refresh", "logout", "password")) {
            EntityExchangeResult<Map> bare = http().post().uri("/console/session/" + route).cookie(COOKIE, refresh)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", clerk, "password", STAFF_PASSWORD))
                    .exchange().expectBody(Map.class).returnResult();
            assertThat(bare.getStatus().value()).as(route + " without X-Requested-With").isEqualTo(403);
            assertThat(bare.getResponseBody().toString()).contains("FORBIDDEN", "X-Requested-With");

            for (String origin : List.of("https://evil.example", "http://127.0.0.1.evil.example:" + port, "null")) {
                EntityExchangeResult<Map> foreign = console("/console/session/" + route).cookie(COOKIE, refresh)
                        .header(HttpHeaders.ORIGIN, origin).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", clerk, "password", STAFF_PASSWORD))
                        .exchange().expectBody(Map.class).returnResult();
                assertThat(foreign.getStatus().value()).as(route + " from " + origin).isEqualTo(403);
                assertThat(foreign.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
            }
        }
        // none of those refused requests touched the sign-in; from its own origin it works
        EntityExchangeResult<Map> own = console("/console/session/refresh").cookie(COOKIE, refresh)
                .header(HttpHeaders.ORIGIN, "http://127.0.0.1:" + port).exchange().expectBody(Map.class).returnResult();
        assertThat(own.getStatus().value()).isEqualTo(200);
    }

    @Test
    void aMemberCannotUseTheConsole() {
        String name = unique("member");
        Map<String, Object> member = login(name);

        // members have no password: their name signs nobody in
        EntityExchangeResult<Map> signIn = signIn(name, "any-password");
        assertThat(signIn.getResponseBody().get("accessToken")).isNull();
        assertThat(signIn.getResponseBody().get("userErrors").toString()).contains("BAD_CREDENTIALS");
        assertThat(signIn.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        // a member's access token cannot change a password here
        EntityExchangeResult<Map> password = console("/console/session/password")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + member.get("accessToken"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "x", "newPassword", "new-password-1"))
                .exchange().expectBody(Map.class).returnResult();
        assertThat(password.getStatus().value()).isEqualTo(403);
        // a member's refresh token put in the cookie by hand: refused, and that sign-in ends
        EntityExchangeResult<Map> refreshed = refresh((String) member.get("refreshToken"));
        assertThat(refreshed.getStatus().value()).isEqualTo(401);
        assertThat(refreshed.getResponseBody().toString()).contains("会员账号不能登录管理后台");
        assertThat(new String(refreshed.getResponseBodyContent())).doesNotContain("accessToken");
        assertCleared(refreshed);
    }

    @Test
    void wrongPasswordsAnswerAsStaffLoginDoesUntilTheUsernameIsLocked() {
        String clerk = createStaff(createStore("locked"), "CLERK");

        List<?> console = (List<?>) signIn(clerk, "wrong-password").getResponseBody().get("userErrors");
        List<?> graphQl = anonymous().documentName("staffLogin")
                .variable("input", Map.of("username", clerk, "password", "wrong-password")).execute()
                .path("staffLogin.userErrors").entity(List.class).get();
        assertThat(console).isEqualTo(graphQl).isEqualTo(List.of(Map.of("field", List.of(),
                "message", "用户名或密码错误", "code", "BAD_CREDENTIALS")));

        signIn(clerk, "wrong-password");
        signIn(clerk, "wrong-password");
        EntityExchangeResult<Map> fifth = signIn(clerk, "wrong-password");
        assertThat(fifth.getResponseBody().get("userErrors").toString()).contains("ACCOUNT_LOCKED");
        EntityExchangeResult<Map> right = signIn(clerk, STAFF_PASSWORD);
        assertThat(right.getStatus().value()).isEqualTo(200);
        assertThat(right.getResponseBody().get("accessToken")).isNull();
        assertThat(right.getResponseBody().get("userErrors").toString()).contains("ACCOUNT_LOCKED");
        assertThat(right.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void changingThePasswordSetsANewCookieAndEndsTheOldSignIn() {
        String clerk = createStaff(createStore("password"), "CLERK");
        EntityExchangeResult<Map> signIn = signIn(clerk, STAFF_PASSWORD);
        String oldRefresh = cookieValue(signIn);
        String oldAccess = (String) signIn.getResponseBody().get("accessToken");

        EntityExchangeResult<Map> wrong = changePassword(oldAccess, "not-my-password", "brand-new-password");
        assertThat(wrong.getStatus().value()).isEqualTo(200);
        assertThat(wrong.getResponseBody().get("accessToken")).isNull();
        assertThat(wrong.getResponseBody().get("userErrors")).isEqualTo(List.of(Map.of(
                "field", List.of("input", "currentPassword"), "message", "当前密码不正确", "code", "BAD_CREDENTIALS")));
        assertThat(wrong.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();

        EntityExchangeResult<Map> changed = changePassword(oldAccess, STAFF_PASSWORD, "brand-new-password");
        assertThat(changed.getStatus().value()).isEqualTo(200);
        assertThat(keys(changed.getResponseBody())).containsExactly("accessToken", "expiresAt", "userErrors");
        String newRefresh = cookieValue(changed);
        assertThat(newRefresh).isNotEqualTo(oldRefresh);
        assertThat(new String(changed.getResponseBodyContent())).doesNotContain(newRefresh);

        assertUnauthenticated(withToken(oldAccess).documentName("currentStaff").execute(), "currentStaff");
        assertThat(refresh(oldRefresh).getStatus().value()).isEqualTo(401);
        withToken((String) changed.getResponseBody().get("accessToken")).documentName("currentStaff").execute()
                .path("currentStaff.username").entity(String.class).isEqualTo(clerk);
        assertThat(refresh(newRefresh).getStatus().value()).isEqualTo(200);
        assertThat(signIn(clerk, "brand-new-password").getResponseBody().get("userErrors")).isEqualTo(List.of());
        // without a token
        EntityExchangeResult<Map> anonymous = console("/console/session/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "brand-new-password", "newPassword", "another-password"))
                .exchange().expectBody(Map.class).returnResult();
        assertThat(anonymous.getStatus().value()).isEqualTo(401);
        assertThat(anonymous.getResponseBody().toString()).contains("UNAUTHENTICATED");
    }

    @Test
    void badBodiesAreRefusedWithAClearMessageNeverAServerError() {
        String clerk = createStaff(createStore("bodies"), "CLERK");

        assertRefused(raw("{\"username\": \"" + clerk + "\", \"password\": ", MediaType.APPLICATION_JSON), 400,
                "请求体不是有效的 JSON");
        assertRefused(raw("[1, 2]", MediaType.APPLICATION_JSON), 400, "JSON 对象");
        assertRefused(raw("", MediaType.APPLICATION_JSON), 400, "请求体为空");
        assertRefused(raw("username=a&password=b", MediaType.APPLICATION_FORM_URLENCODED), 415, "application/json");
        assertRefused(raw("{\"password\": \"x\"}", MediaType.APPLICATION_JSON), 400, "缺少 username");
        assertRefused(raw("{\"username\": 12, \"password\": \"x\"}", MediaType.APPLICATION_JSON), 400, "username 需要是字符串");
        assertRefused(raw("{\"username\": \"a\\u0000b\", \"password\": \"x\"}", MediaType.APPLICATION_JSON), 400,
                "username 含有不能使用的字符");
        assertRefused(raw("{\"username\": \"" + "x".repeat(65) + "\", \"password\": \"x\"}", MediaType.APPLICATION_JSON),
                400, "username 太长");
        assertRefused(raw("{\"username\": \"" + clerk + "\", \"password\": \"" + "x".repeat(5000) + "\"}",
                MediaType.APPLICATION_JSON), 413, "4 KB");
        // long, but within the limits: an ordinary wrong password
        EntityExchangeResult<Map> long1000 = signIn(clerk, "密".repeat(1000));
        assertThat(long1000.getStatus().value()).isEqualTo(200);
        assertThat(long1000.getResponseBody().get("userErrors").toString()).contains("BAD_CREDENTIALS");
    }

    // ---------------------------------------------------------------- helpers

    private WebTestClient.RequestBodySpec console(String path) {
        return http().post().uri(path).header("X-Requested-With", "loyalty-console");
    }

    private EntityExchangeResult<Map> signIn(String username, String password) {
        return console("/console/session/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange().expectBody(Map.class).returnResult();
    }

    private EntityExchangeResult<Map> refresh(String cookie) {
        return console("/console/session/refresh").cookie(COOKIE, cookie).exchange().expectBody(Map.class).returnResult();
    }

    private EntityExchangeResult<Map> changePassword(String accessToken, String current, String next) {
        return console("/console/session/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", current, "newPassword", next))
                .exchange().expectBody(Map.class).returnResult();
    }

    private EntityExchangeResult<Map> raw(String body, MediaType type) {
        return console("/console/session/login").contentType(type).bodyValue(body).exchange().expectBody(Map.class)
                .returnResult();
    }

    private static void assertRefused(EntityExchangeResult<Map> result, int status, String message) {
        assertThat(result.getStatus().value()).as(new String(result.getRequestBodyContent() == null ? new byte[0]
                : result.getRequestBodyContent())).isEqualTo(status);
        List<?> errors = (List<?>) result.getResponseBody().get("userErrors");
        assertThat(errors).hasSize(1);
        assertThat(((Map<?, ?>) errors.get(0)).get("code")).isEqualTo("INVALID_INPUT");
        assertThat((String) ((Map<?, ?>) errors.get(0)).get("message")).contains(message);
    }

    private static List<String> keys(Map<?, ?> body) {
        return body.keySet().stream().map(String::valueOf).toList();
    }

    /** The refresh token the answer's Set-Cookie holds. */
    private static String cookieValue(EntityExchangeResult<?> result) {
        assertThat(result.getResponseCookies().getFirst(COOKIE)).as("Set-Cookie " + COOKIE).isNotNull();
        return result.getResponseCookies().getFirst(COOKIE).getValue();
    }

    private static void assertCleared(EntityExchangeResult<?> result) {
        var cookie = result.getResponseCookies().getFirst(COOKIE);
        assertThat(cookie).as("Set-Cookie clearing " + COOKIE).isNotNull();
        assertThat(cookie.getValue()).isEmpty();
        assertThat(cookie.getMaxAge().isZero()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/console/session");
    }

    private static void assertUnauthenticated(GraphQlTester.Response response, String field) {
        response.errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))
                && List.of(field).equals(e.getParsedPath())).verify();
    }
}

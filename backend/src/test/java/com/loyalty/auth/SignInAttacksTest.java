package com.loyalty.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.security.Role;
import com.loyalty.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Sign-in turned against us: password guessing in bulk, lockouts used to keep the admin out,
 * lockouts that tell which usernames exist, and forged client addresses. The tests reach the
 * backend through a "proxy" on 127.0.0.1 (a trusted proxy here), so each test can speak from
 * addresses of its own with X-Forwarded-For.
 */
class SignInAttacksTest extends IntegrationTest {

    private static final int PER_ADDRESS = 8;

    @Autowired
    BrandProperties brand;

    @DynamicPropertySource
    static void behindAProxy(DynamicPropertyRegistry registry) {
        registry.add("loyalty.http.trusted-proxies", () -> "127.0.0.1/32");
        registry.add("loyalty.rate-limits.limits.STAFF_LOGIN_ADDRESS.permits", () -> PER_ADDRESS);
        registry.add("loyalty.rate-limits.limits.STAFF_LOGIN_ADDRESS.per", () -> "1m");
    }

    @Test
    void twentySignInsInOneRequestAreRefusedBeforeAnyPasswordCheck() {
        String username = createStaff(unique("bulk"), "right-password", Role.CLERK);
        String twenty = IntStream.range(0, 20)
                .mapToObj(i -> "a" + i + ": staffLogin(input: {username: \"" + username + "\", password: \"guess-" + i
                        + "\"}) { accessToken userErrors { code } }")
                .collect(Collectors.joining(" ", "mutation { ", " }"));

        from(address()).document(twenty).execute()
                .errors().expect(e -> e.getMessage().contains("one sign-in")).verify()
                .path("a0").pathDoesNotExist();

        // no password was checked: the account is not locked by twenty wrong ones
        attempt(address(), username, "right-password").path("staffLogin.accessToken").entity(String.class)
                .satisfies(token -> assertThat(token).isNotBlank());
    }

    @Test
    void signInsHiddenInFragmentsOrMixedWithAMemberLoginAreRefusedToo() {
        String username = createStaff(unique("hidden"), "right-password", Role.CLERK);
        String fragments = "mutation { ...a ...b } "
                + "fragment a on Mutation { x: staffLogin(input: {username: \"" + username + "\", password: \"g1\"}) { accessToken } } "
                + "fragment b on Mutation { ... on Mutation { y: staffLogin(input: {username: \"" + username
                + "\", password: \"g2\"}) { accessToken } } }";
        String mixed = "mutation { login(input: {code: \"dev-" + unique("mix") + "\"}) { accessToken } "
                + "staffLogin(input: {username: \"" + username + "\", password: \"g3\"}) { accessToken } }";

        for (String document : List.of(fragments, mixed)) {
            from(address()).document(document).execute()
                    .errors().expect(e -> e.getMessage().contains("one sign-in")).verify()
                    .path("staffLogin").pathDoesNotExist();
        }
        attempt(address(), username, "right-password").path("staffLogin.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void staffLoginIsLimitedPerAddress() {
        String attacker = address();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i <= PER_ADDRESS; i++) {
            outcomes.add(code(attempt(attacker, unique("user"), "guess")));
        }

        assertThat(outcomes.subList(0, PER_ADDRESS)).containsOnly("BAD_CREDENTIALS");
        assertThat(outcomes.get(PER_ADDRESS)).isEqualTo("RATE_LIMITED");
        String username = createStaff(unique("elsewhere"), "right-password", Role.CLERK);
        assertThat(code(attempt(address(), username, "right-password"))).isEqualTo("OK");
    }

    @Test
    void anAttackerCannotLockTheAdminOutFromAnotherAddress() {
        String admin = createStaff(unique("the-admin"), "admin-password", Role.ADMIN);
        String attacker = address();
        for (int i = 0; i < 6; i++) {
            attempt(attacker, admin, "guess-" + i);
        }
        assertThat(code(attempt(attacker, admin, "admin-password"))).isEqualTo("ACCOUNT_LOCKED");

        attempt(address(), admin, "admin-password").path("staffLogin.accessToken").entity(String.class)
                .satisfies(token -> assertThat(token).isNotBlank());
    }

    @Test
    void anUnknownUsernameAnswersLikeAKnownOneWhenLocked() {
        String known = createStaff(unique("known"), "right-password", Role.STORE_MANAGER);
        String unknown = unique("nobody");
        // two addresses, each within the per-address limit
        String attacker = address();
        String other = address();

        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            knownAnswers.add(answer(attempt(attacker, known, "guess-" + i)));
            unknownAnswers.add(answer(attempt(other, unknown, "guess-" + i)));
        }

        assertThat(knownAnswers).contains("ACCOUNT_LOCKED " + locked());
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
    }

    @Test
    void aRotatingForwardedForHeaderDoesNotBypassTheLimit() {
        // what a proxy such as nginx ($proxy_add_x_forwarded_for) passes on: the client's own
        // header, then the address it really came from
        String real = address();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i <= PER_ADDRESS; i++) {
            outcomes.add(code(attempt("198.51.100." + (i + 1) + ", " + real, unique("user"), "guess")));
        }

        assertThat(outcomes.get(PER_ADDRESS)).isEqualTo("RATE_LIMITED");
    }

    @Test
    void forwardedForIsHonouredFromATrustedProxy() {
        String busy = address();
        for (int i = 0; i <= PER_ADDRESS; i++) {
            attempt(busy, unique("user"), "guess");
        }
        assertThat(code(attempt(busy, unique("user"), "guess"))).isEqualTo("RATE_LIMITED");

        // another client behind the same proxy keeps its own allowance
        String username = createStaff(unique("calm"), "right-password", Role.CLERK);
        assertThat(code(attempt(address(), username, "right-password"))).isEqualTo("OK");
    }

    private String locked() {
        return "密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员";
    }

    private static int next = 1;

    /** An address of its own for each caller in this run (TEST-NET-3). */
    private static synchronized String address() {
        next++;
        return "203.0." + (113 + next / 250) + "." + (next % 250 + 1);
    }

    private HttpGraphQlTester from(String forwardedFor) {
        return anonymous().mutate().header("X-Forwarded-For", forwardedFor).build();
    }

    private GraphQlTester.Response attempt(String forwardedFor, String username, String password) {
        return from(forwardedFor).documentName("staffLogin")
                .variable("input", Map.of("username", username, "password", password)).execute();
    }

    private static String code(GraphQlTester.Response response) {
        return response.path("staffLogin.userErrors[*].code").entityList(String.class).get().stream()
                .findFirst().orElse("OK");
    }

    private static String answer(GraphQlTester.Response response) {
        String code = code(response);
        return code + " " + response.path("staffLogin.userErrors[0].message").entity(String.class).get();
    }

    private String createStaff(String username, String password, Role role) {
        Long storeId = role == Role.ADMIN ? null : storeNamed(brand.id(), "Sign-in test store");
        return insertStaffAccount(brand.id(), storeId, username, password, role);
    }
}

package com.loyalty.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class AccessTokenTest extends IntegrationTest {

    @Value("${loyalty.auth.jwt-secret}")
    String secret;

    private String memberSubject;
    /** The member's sign-in (refresh-token family), which hand-made tokens name as {@code sid}. */
    private String sessionId;

    @BeforeEach
    void signUp() {
        Map<String, Object> session = login(unique("tok"));
        memberSubject = "member:" + ((Map<?, ?>) session.get("member")).get("id");
        String refreshToken = (String) session.get("refreshToken");
        sessionId = refreshToken.substring(0, refreshToken.indexOf('.'));
    }

    @Test
    void meWithoutATokenIsUnauthenticated() {
        assertUnauthenticated(anonymous());
    }

    @Test
    void aValidTokenSignsTheMemberIn() {
        withToken(token(secret, "loyalty-backend", "loyalty-miniprogram", clock.instant().plusSeconds(60)))
                .documentName("me").execute()
                .path("me.id").entity(String.class).isEqualTo(memberSubject.substring("member:".length()));
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        assertUnauthenticated(withToken(
                token(secret, "loyalty-backend", "loyalty-miniprogram", clock.instant().minusSeconds(60))));
    }

    @Test
    void tokensExpireAfterFifteenMinutes() {
        String accessToken = (String) login(unique("late")).get("accessToken");
        withToken(accessToken).documentName("me").execute().path("me.id").hasValue();

        clock.advance(Duration.ofMinutes(16));

        assertUnauthenticated(withToken(accessToken));
    }

    @Test
    void aTokenThatNamesNoSignInIsUnauthenticated() {
        assertUnauthenticated(withToken(token(secret, "loyalty-backend", "loyalty-miniprogram",
                clock.instant().plusSeconds(60), null)));
        assertUnauthenticated(withToken(token(secret, "loyalty-backend", "loyalty-miniprogram",
                clock.instant().plusSeconds(60), "no-such-sign-in")));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated() {
        assertUnauthenticated(withToken(token("another-secret-that-is-long-enough-0123456789",
                "loyalty-backend", "loyalty-miniprogram", clock.instant().plusSeconds(60))));
    }

    @Test
    void anUnsignedAlgNoneTokenIsUnauthenticated() {
        String unsigned = Jwts.builder()
                .issuer("loyalty-backend").audience().add("loyalty-miniprogram").and()
                .subject(memberSubject).claim("roles", List.of("MEMBER")).claim("brandId", 1)
                .expiration(Date.from(clock.instant().plusSeconds(60)))
                .compact();
        assertThat(unsigned).endsWith(".");
        assertUnauthenticated(withToken(unsigned));
    }

    @Test
    void aTamperedPayloadIsUnauthenticated() {
        String valid = token(secret, "loyalty-backend", "loyalty-miniprogram", clock.instant().plusSeconds(60));
        String[] parts = valid.split("\\.");
        String admin = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"loyalty-backend\",\"aud\":[\"loyalty-miniprogram\"],\"sub\":\"staff:1\","
                        + "\"roles\":[\"ADMIN\"],\"brandId\":1,\"exp\":" + (clock.instant().getEpochSecond() + 60) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        assertUnauthenticated(withToken(parts[0] + "." + admin + "." + parts[2]));
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsUnauthenticated() {
        assertUnauthenticated(withToken(token(secret, "loyalty-backend", "someone-else", clock.instant().plusSeconds(60))));
        assertUnauthenticated(withToken(token(secret, "evil-issuer", "loyalty-miniprogram", clock.instant().plusSeconds(60))));
    }

    @Test
    void aMemberCannotReadStaffFields() {
        withToken(token(secret, "loyalty-backend", "loyalty-miniprogram", clock.instant().plusSeconds(60)))
                .documentName("currentStaff").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    private String token(String key, String issuer, String audience, Instant expiresAt) {
        return token(key, issuer, audience, expiresAt, sessionId);
    }

    private String token(String key, String issuer, String audience, Instant expiresAt, String sid) {
        return Jwts.builder()
                .issuer(issuer).audience().add(audience).and()
                .subject(memberSubject).claim("roles", List.of("MEMBER")).claim("brandId", 1).claim("sid", sid)
                .issuedAt(Date.from(expiresAt.minusSeconds(900)))
                .expiration(Date.from(expiresAt))
                .signWith(Keys.hmacShaKeyFor(key.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();
    }

    private static void assertUnauthenticated(HttpGraphQlTester caller) {
        caller.documentName("me").execute()
                .errors().expect(e -> "UNAUTHENTICATED".equals(e.getExtensions().get("classification"))
                        && List.of("me").equals(e.getParsedPath())).verify()
                .path("me").pathDoesNotExist();
    }
}

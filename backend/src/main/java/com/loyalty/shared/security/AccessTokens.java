package com.loyalty.shared.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the short-lived HS256 access tokens (JWT) that carry the {@link Viewer} and
 * the sign-in they belong to ({@code sid}, the refresh-token family). Whether that sign-in is still
 * live is not the token's business: {@link Sessions#live} answers it on every request.
 */
@Component
public class AccessTokens {

    private static final String ROLES = "roles";
    private static final String STORE_ID = "storeId";
    private static final String BRAND_ID = "brandId";
    private static final String SESSION_ID = "sid";
    /** Set (true) when the account must change its password before anything else. */
    private static final String PASSWORD_CHANGE = "pwc";
    /** A machine client's scopes, space separated (as OAuth2 writes them). */
    private static final String SCOPE = "scope";
    /** The stores a machine client acts for; absent: every store of the brand. */
    private static final String STORES = "stores";
    /** Verified tokens remembered at most (then forgotten all at once). */
    private static final int VERIFIED_KEPT = 10_000;

    private final AuthProperties properties;
    private final Clock clock;
    private final SecretKey key;
    /** Built once: immutable and thread-safe, and building it costs more than a verification. */
    private final JwtParser parser;
    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

    public AccessTokens(AuthProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = Keys.hmacShaKeyFor(properties.jwtSecret().getBytes(StandardCharsets.UTF_8));
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(properties.issuer())
                .requireAudience(properties.audience())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** A signed token and the instant it stops being accepted. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** A token for the viewer within sign-in {@code sessionId}; it dies with that sign-in. */
    public Issued issue(Viewer viewer, String sessionId) {
        return issue(viewer, sessionId, false);
    }

    /**
     * The same, for an account that must change its password first when {@code passwordChangeRequired}:
     * such a token reaches only the fields {@link PasswordChangeGate} lets through.
     */
    public Issued issue(Viewer viewer, String sessionId, boolean passwordChangeRequired) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        String token = Jwts.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .subject(viewer.subject())
                .claim(ROLES, List.of(viewer.role().name()))
                .claim(STORE_ID, viewer.storeId())
                .claim(BRAND_ID, viewer.brandId())
                .claim(SESSION_ID, sessionId)
                .claim(PASSWORD_CHANGE, passwordChangeRequired ? Boolean.TRUE : null)
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new Issued(token, expiresAt);
    }

    /**
     * A token for machine client {@code client} (see {@link Viewer#client}) within its credential
     * {@code sessionId} (the secret it authenticated with), valid for {@code ttl}: it dies with that
     * credential or the client ({@link ClientSessions}).
     */
    public Issued issueClient(Viewer client, String sessionId, java.time.Duration ttl) {
        if (!client.isClient()) {
            throw new IllegalArgumentException("not a machine client: " + client.subject());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(ttl);
        String token = Jwts.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .subject(client.subject())
                .claim(ROLES, List.of(Role.CLIENT.name()))
                .claim(BRAND_ID, client.brandId())
                .claim(SESSION_ID, sessionId)
                .claim(SCOPE, String.join(" ", new java.util.TreeSet<>(client.scopes())))
                .claim(STORES, client.stores().isEmpty() ? null : new java.util.TreeSet<>(client.stores()))
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new Issued(token, expiresAt);
    }

    /**
     * The signed claims of a valid token; empty when it is expired, tampered, unsigned, not ours
     * or names no sign-in. A token verified once is remembered by its exact text (signature
     * included) until it expires, so a client's later requests skip the HMAC and the JSON parsing;
     * revocation is checked apart from this, on every request ({@link Sessions#live}).
     */
    public Optional<AccessToken> verify(String token) {
        AccessToken known = verified.get(token);
        if (known != null) {
            return known.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(known);
        }
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            String sessionId = claims.get(SESSION_ID, String.class);
            if (sessionId == null || sessionId.isEmpty()) {
                return Optional.empty();
            }
            AccessToken accessToken = new AccessToken(toViewer(claims), sessionId, claims.getExpiration().toInstant(),
                    Boolean.TRUE.equals(claims.get(PASSWORD_CHANGE, Boolean.class)));
            if (verified.size() >= VERIFIED_KEPT) {
                verified.clear();
            }
            verified.put(token, accessToken);
            return Optional.of(accessToken);
        } catch (JwtException | IllegalArgumentException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Viewer toViewer(Claims claims) {
        String subject = claims.getSubject();
        long id = Long.parseLong(subject.substring(subject.indexOf(':') + 1));
        List<?> roles = claims.get(ROLES, List.class);
        Role role = Role.fromClaim(String.valueOf(roles.get(0)));
        Number storeId = claims.get(STORE_ID, Number.class);
        Number brandId = claims.get(BRAND_ID, Number.class);
        Viewer viewer = role == Role.CLIENT ? Viewer.client(id, brandId.longValue(), scopes(claims), stores(claims))
                : new Viewer(id, role, storeId == null ? null : storeId.longValue(), brandId.longValue());
        if (!viewer.subject().equals(subject)) {
            throw new IllegalArgumentException("subject does not match role");
        }
        return viewer;
    }

    private static java.util.Set<String> scopes(Claims claims) {
        String scope = claims.get(SCOPE, String.class);
        return scope == null || scope.isBlank() ? java.util.Set.of() : java.util.Set.of(scope.trim().split(" +"));
    }

    private static java.util.Set<Long> stores(Claims claims) {
        List<?> stores = claims.get(STORES, List.class);
        return stores == null ? java.util.Set.of()
                : stores.stream().map(s -> ((Number) s).longValue()).collect(java.util.stream.Collectors.toSet());
    }
}

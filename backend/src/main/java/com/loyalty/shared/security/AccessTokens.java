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
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/** Issues and verifies the short-lived HS256 access tokens (JWT) that carry the {@link Viewer}. */
@Component
public class AccessTokens {

    private static final String ROLES = "roles";
    private static final String STORE_ID = "storeId";
    private static final String BRAND_ID = "brandId";

    private final AuthProperties properties;
    private final Clock clock;
    private final SecretKey key;
    /** Built once: immutable and thread-safe, and building it costs more than a verification. */
    private final JwtParser parser;

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

    public Issued issue(Viewer viewer) {
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
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new Issued(token, expiresAt);
    }

    /** The viewer of a valid token; empty when it is expired, tampered, unsigned or not ours. */
    public Optional<Viewer> verify(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            return Optional.of(toViewer(claims));
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Viewer toViewer(Claims claims) {
        String subject = claims.getSubject();
        long id = Long.parseLong(subject.substring(subject.indexOf(':') + 1));
        List<?> roles = claims.get(ROLES, List.class);
        Role role = Role.valueOf(String.valueOf(roles.get(0)));
        Number storeId = claims.get(STORE_ID, Number.class);
        Number brandId = claims.get(BRAND_ID, Number.class);
        Viewer viewer = new Viewer(id, role, storeId == null ? null : storeId.longValue(), brandId.longValue());
        if (!viewer.subject().equals(subject)) {
            throw new IllegalArgumentException("subject does not match role");
        }
        return viewer;
    }
}

package com.loyalty.auth;

import com.loyalty.shared.security.AccessToken;
import com.loyalty.shared.security.OpenSockets;
import com.loyalty.shared.security.Sessions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether an access token's sign-in is still live: its refresh-token family still exists in
 * Redis (one EXISTS per request). Logout and refresh-token reuse delete the family; disabling a
 * staff account or closing a member account deletes every family of the subject ({@link #endAll}).
 * If Redis is lost with its data, every family is gone and everyone signs in again: missing means
 * ended, never the other way round.
 *
 * <p>While Redis cannot be reached the answer comes from PostgreSQL instead (one primary-key read):
 * the account must still be enabled staff, or a member who has not asked to close the account.
 * Sign-ins ended by logout or reuse cannot be told apart then and keep working until their token
 * expires (15 minutes at most); after a failure Redis is skipped for {@link #SKIP_REDIS} so that
 * requests do not each wait for it.
 */
@Component
class LiveSessions implements Sessions {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);
    /** How long a live check waits for Redis before asking PostgreSQL. */
    private static final Duration PATIENCE = Duration.ofMillis(500);
    /** How long Redis is left alone after it failed a live check. */
    static final Duration SKIP_REDIS = Duration.ofSeconds(2);

    private final RefreshTokenStore refreshTokens;
    private final OpenSockets sockets;
    private final SessionRepository accounts;
    private final AtomicLong redisSkippedUntil = new AtomicLong(System.nanoTime());

    LiveSessions(RefreshTokenStore refreshTokens, OpenSockets sockets, SessionRepository accounts) {
        this.refreshTokens = refreshTokens;
        this.sockets = sockets;
        this.accounts = accounts;
    }

    @Override
    public Mono<Boolean> live(AccessToken token) {
        if (System.nanoTime() - redisSkippedUntil.get() < 0) {
            return accounts.accountLive(token.viewer());
        }
        return refreshTokens.isOpen(token.sessionId())
                .timeout(PATIENCE)
                .onErrorResume(e -> {
                    if (System.nanoTime() - redisSkippedUntil.getAndSet(System.nanoTime() + SKIP_REDIS.toNanos()) >= 0) {
                        log.warn("Redis unavailable for session checks, checking accounts in PostgreSQL: {}", e.toString());
                    }
                    return accounts.accountLive(token.viewer());
                });
    }

    @Override
    public Mono<Long> endAll(String subject) {
        return refreshTokens.revokeAll(subject)
                .flatMap(families -> sockets.ended(families).thenReturn((long) families.size()));
    }
}

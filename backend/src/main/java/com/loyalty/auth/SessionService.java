package com.loyalty.auth;

import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.security.AccessTokens;
import com.loyalty.shared.security.OpenSockets;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.Staff;
import com.loyalty.staff.StaffService;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opens, refreshes and ends sign-ins for members and staff. Each sign-in is one refresh-token
 * family; its access tokens carry the family as {@code sid} and stop working on the next request
 * once it ends (logout, reuse of a rotated refresh token, {@link LiveSessions#endAll}).
 */
@Service
public class SessionService {

    private final AccessTokens accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final MemberService members;
    private final StaffService staff;
    private final OpenSockets sockets;

    public SessionService(AccessTokens accessTokens, RefreshTokenStore refreshTokens, MemberService members,
                          StaffService staff, OpenSockets sockets) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.members = members;
        this.staff = staff;
        this.sockets = sockets;
    }

    public Mono<SessionTokens> open(Viewer viewer) {
        return open(viewer, false);
    }

    /**
     * Opens a sign-in; when {@code passwordChangeRequired} its access tokens reach only what a staff
     * member whose password was reset may do ({@code PasswordChangeGate}).
     */
    public Mono<SessionTokens> open(Viewer viewer, boolean passwordChangeRequired) {
        return refreshTokens.create(viewer.subject()).map(refresh -> tokens(viewer, passwordChangeRequired, refresh));
    }

    /**
     * Rotates the refresh token and issues an access token with the account's current role. A
     * reused token ends its sign-in, and with it every access token issued to it.
     */
    public Mono<SessionTokens> refresh(String refreshToken) {
        return refreshTokens.rotate(refreshToken)
                .onErrorResume(e -> e instanceof BusinessException b && b.error().code() == ErrorCode.REFRESH_TOKEN_REUSED,
                        e -> sockets.ended(Set.of(RefreshTokenStore.familyOf(refreshToken))).then(Mono.error(e)))
                .flatMap(rotation -> currentAccount(rotation.subject())
                        .switchIfEmpty(logout(rotation.refreshToken())
                                .then(Mono.error(new BusinessException(ErrorCode.REFRESH_TOKEN_INVALID, "账号不可用，请重新登录"))))
                        .map(account -> tokens(account.viewer(), account.passwordChangeRequired(),
                                rotation.refreshToken())));
    }

    /** Ends the sign-in of the refresh token and its access tokens; false when it was already unknown. */
    public Mono<Boolean> logout(String refreshToken) {
        return refreshTokens.revoke(refreshToken).flatMap(revoked -> revoked
                ? sockets.ended(Set.of(RefreshTokenStore.familyOf(refreshToken))).thenReturn(true)
                : Mono.just(false));
    }

    private SessionTokens tokens(Viewer viewer, boolean passwordChangeRequired, String refreshToken) {
        AccessTokens.Issued access = accessTokens.issue(viewer, RefreshTokenStore.familyOf(refreshToken),
                passwordChangeRequired);
        return new SessionTokens(access.token(), refreshToken, access.expiresAt());
    }

    /** Who a session subject is now, and whether they must change their password first. */
    private record Account(Viewer viewer, boolean passwordChangeRequired) {
    }

    /** The account behind a session subject, if it still exists and is enabled, with its current role and store. */
    private Mono<Account> currentAccount(String subject) {
        long id = Long.parseLong(subject.substring(subject.indexOf(':') + 1));
        if (subject.startsWith("member:")) {
            return members.get(id).map(member -> new Account(member.viewer(), false));
        }
        return staff.get(id).filter(Staff::enabled).map(account -> new Account(account.viewer(), account.mustChangePassword()));
    }
}

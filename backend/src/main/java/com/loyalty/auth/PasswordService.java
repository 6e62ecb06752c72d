package com.loyalty.auth;

import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Sessions;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.ChangeMyPasswordInput;
import com.loyalty.staff.StaffService;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A staff member changes their own password: every sign-in of the account ends (the one asking
 * too, whose token may carry the must-change mark of a reset) and a new one opens, returned in the
 * payload. Attempts count against the staff sign-in limit, since each checks a password.
 */
@Service
public class PasswordService {

    private final StaffService staff;
    private final SessionService sessions;
    private final Sessions live;
    private final RateLimits rateLimits;

    PasswordService(StaffService staff, SessionService sessions, Sessions live, RateLimits rateLimits) {
        this.staff = staff;
        this.sessions = sessions;
        this.live = live;
        this.rateLimits = rateLimits;
    }

    public Mono<ChangeMyPasswordPayload> change(Viewer viewer, ChangeMyPasswordInput input) {
        return rateLimits.acquire(RateLimitedAction.STAFF_LOGIN, "password-change:" + viewer.id())
                .then(Mono.defer(() -> staff.changeOwnPassword(viewer, input)))
                .flatMap(changed -> live.endAll(viewer.subject())
                        .then(sessions.open(changed.viewer(), false))
                        .map(tokens -> ChangeMyPasswordPayload.of(tokens, changed)));
    }
}

package com.loyalty.auth;

import com.loyalty.shared.graphql.ClientAddress;
import com.loyalty.shared.graphql.Payloads;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Sign-in mutations; open to anonymous callers by design. */
@Controller
class AuthController {

    private final LoginService logins;
    private final SessionService sessions;

    AuthController(LoginService logins, SessionService sessions) {
        this.logins = logins;
        this.sessions = sessions;
    }

    @MutationMapping
    public Mono<LoginPayload> login(@Argument LoginInput input,
                                    @ContextValue(name = ClientAddress.KEY, required = false) String clientAddress) {
        return logins.memberLogin(input, clientAddress)
                .onErrorResume(AccountClosurePending.class, refusal -> Mono.just(LoginPayload.closing(refusal)))
                .transform(Payloads.recover(LoginPayload::failed));
    }

    @MutationMapping
    public Mono<SessionPayload> refreshSession(@Argument TokenInput input) {
        return sessions.refresh(input.refreshToken()).map(SessionPayload::of)
                .transform(Payloads.recover(SessionPayload::failed));
    }

    @MutationMapping
    public Mono<LogoutPayload> logout(@Argument TokenInput input) {
        return sessions.logout(input.refreshToken()).map(revoked -> new LogoutPayload(revoked, List.of()));
    }

    @MutationMapping
    public Mono<StaffLoginPayload> staffLogin(@Argument StaffLoginInput input,
                                              @ContextValue(name = ClientAddress.KEY, required = false) String clientAddress) {
        return logins.staffLogin(input, clientAddress).transform(Payloads.recover(StaffLoginPayload::failed));
    }
}

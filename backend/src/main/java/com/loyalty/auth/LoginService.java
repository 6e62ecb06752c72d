package com.loyalty.auth;

import com.loyalty.member.MemberService;
import com.loyalty.member.NewMember;
import com.loyalty.member.RegistrationChannel;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.staff.StaffService;
import com.loyalty.wechat.WeChatClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.publisher.Flux;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Signs members in through WeChat (registering them on first login) and staff by password. */
@Service
public class LoginService {

    private final WeChatClient weChat;
    private final MemberService members;
    private final StaffService staff;
    private final SessionService sessions;
    private final BrandProperties brand;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final ObjectProvider<SignInEvents> signInEvents;

    LoginService(WeChatClient weChat, MemberService members, StaffService staff, SessionService sessions,
                        BrandProperties brand, Clock clock, RateLimits rateLimits, ObjectProvider<SignInEvents> signInEvents) {
        this.signInEvents = signInEvents;
        this.rateLimits = rateLimits;
        this.weChat = weChat;
        this.members = members;
        this.staff = staff;
        this.sessions = sessions;
        this.brand = brand;
        this.clock = clock;
    }

    /**
     * Signs a member in; sign-ins from one client address are rate limited. A member whose account
     * is closing is refused ({@link AccountClosurePending}) unless the input cancels the closure.
     */
    public Mono<LoginPayload> memberLogin(LoginInput input, String clientAddress) {
        return rateLimits.acquire(RateLimitedAction.MEMBER_LOGIN, clientAddress == null ? "unknown" : clientAddress)
                .then(Mono.defer(() -> weChat.codeToSession(input.code())))
                .map(session -> new NewMember(brand.id(), weChat.appId(), session.openid(), session.unionid(),
                        clock.instant(),
                        input.storeId() == null ? RegistrationChannel.MINI_PROGRAM : RegistrationChannel.STORE,
                        input.storeId(), blankToNull(input.inviterCode())))
                .flatMap(members::findOrRegister)
                .flatMap(reg -> Flux.fromStream(signInEvents::orderedStream)
                        .concatMap(reaction -> reaction.memberSignedIn(reg.member(), input)).then(Mono.just(reg)))
                .flatMap(reg -> sessions.open(reg.member().viewer())
                        .map(tokens -> LoginPayload.of(tokens, reg.member(), reg.registered())));
    }

    /**
     * Signs staff in: attempts are limited per client address and per username at that address,
     * and wrong passwords lock the username at that address only (StaffService).
     */
    public Mono<StaffLoginPayload> staffLogin(StaffLoginInput input, String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        String username = input.username() == null ? "" : input.username().strip().toLowerCase();
        return rateLimits.acquire(RateLimitedAction.STAFF_LOGIN_ADDRESS, address)
                .then(rateLimits.acquire(RateLimitedAction.STAFF_LOGIN, username + "@" + address))
                .then(Mono.defer(() -> staff.authenticate(input.username(), input.password(), address)))
                .flatMap(account -> sessions.open(account.viewer(), account.mustChangePassword())
                        .map(tokens -> StaffLoginPayload.of(tokens, account)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase();
    }
}

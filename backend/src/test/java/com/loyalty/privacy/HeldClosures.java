package com.loyalty.privacy;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A stand-in for the wallet's closure check in tests: members whose ids a test puts here still
 * have something to settle and may not close (picked up by component scanning in every test context).
 */
@Component
class HeldClosures implements AccountClosureCheck {

    static final Set<Long> HELD = ConcurrentHashMap.newKeySet();

    @Override
    public Mono<Void> check(long memberId) {
        return HELD.contains(memberId)
                ? Mono.error(new BusinessException(ErrorCode.ACCOUNT_CLOSURE_BLOCKED, "储值余额尚未退还，请先到门店办理退款"))
                : Mono.empty();
    }
}

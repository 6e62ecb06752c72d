package com.loyalty.notify;

import com.loyalty.privacy.AccountErasure;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** An erased member's messages are emptied (those not sent yet are skipped) and their template consents deleted. */
@Component
class MessagesErasure implements AccountErasure {

    private final OutboxRepository outbox;
    private final ConsentRepository consents;

    MessagesErasure(OutboxRepository outbox, ConsentRepository consents) {
        this.outbox = outbox;
        this.consents = consents;
    }

    @Override
    public Mono<Void> memberErased(long memberId) {
        return outbox.forget(memberId).then(consents.forget(memberId));
    }
}

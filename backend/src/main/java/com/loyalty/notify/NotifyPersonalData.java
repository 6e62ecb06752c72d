package com.loyalty.notify;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's subscribe-message consents and the messages sent to them, for their data export. */
@Component
class NotifyPersonalData implements PersonalData {

    private final ConsentRepository consents;
    private final OutboxRepository outbox;

    NotifyPersonalData(ConsentRepository consents, OutboxRepository outbox) {
        this.consents = consents;
        this.outbox = outbox;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return Flux.concat(
                consents.exportConsents(memberId).map(json -> new ExportSection("subscribeMessageConsents", json)),
                outbox.exportNotifications(memberId).map(json -> new ExportSection("notifications", json)));
    }
}

package com.loyalty.memberevent;

import com.loyalty.notify.NotificationOutbox;
import com.loyalty.shared.config.BrandProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What members hear about their sign-ups, through the notification outbox as the EVENT_UPDATE
 * service notice (sent as the member's subscriptions allow, after quiet hours): a place freed for
 * them from the waiting list, and an event called off. Each is queued once (its dedupe key).
 */
@Component
class EventMessages {

    static final String PURPOSE = "EVENT_UPDATE";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final NotificationOutbox outbox;
    private final BrandProperties brand;

    EventMessages(NotificationOutbox outbox, BrandProperties brand) {
        this.outbox = outbox;
        this.brand = brand;
    }

    /** A message's data: the event, when it starts, and what happened. */
    record Data(long eventId, String event, String startsAt, String status, String note) {
    }

    Mono<Void> promoted(MemberEvent event, EventSignUp signUp, Instant now) {
        return outbox.enqueue(signUp.memberId(), PURPOSE,
                        "event:" + event.id() + ":promoted:" + signUp.memberId() + ":" + signUp.queueNo(),
                        new Data(event.id(), event.title(), when(event.startsAt()), "候补成功",
                                "有会员取消了报名，你已从候补转为正式名额，请准时到场"), now)
                .then();
    }

    Mono<Void> cancelled(MemberEvent event, long memberId, String reason, Instant now) {
        return outbox.enqueue(memberId, PURPOSE, "event:" + event.id() + ":cancelled:" + memberId,
                        new Data(event.id(), event.title(), when(event.startsAt()), "活动取消",
                                reason == null ? "活动已取消" : "活动已取消：" + reason), now)
                .then();
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(brand.zone()));
    }
}

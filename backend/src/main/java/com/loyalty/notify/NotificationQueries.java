package com.loyalty.notify;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What was sent (or not) to a member, for staff of the member's brand (a manager: of their store); newest first. */
@Service
class NotificationQueries {

    private static final String CURSOR_KIND = "notification";

    private final OutboxRepository outbox;
    private final StoreScope scope;

    NotificationQueries(OutboxRepository outbox, StoreScope scope) {
        this.outbox = outbox;
        this.scope = scope;
    }

    public Mono<Pages.Page<Notification>> notifications(Viewer staff, Long memberId, NotificationStatus status,
                                                       Integer first, String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        return scope.requireMemberInScope(staff, memberId, "memberId")
                .flatMap(member -> outbox.page(member.id(), status, before, size + 1).collectList()
                        .zipWith(outbox.count(member.id(), status), (rows, total) ->
                                Pages.of(rows, size, Notification::id, CURSOR_KIND, after != null, total)));
    }
}

package com.loyalty.notify;

import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What was sent (or not) to members, for staff: one member's messages, or the brand's (a store
 * manager: their store's members') with filters; newest first. Phone numbers and openids are masked.
 */
@Service
class NotificationQueries {

    private static final String CURSOR_KIND = "notification";
    private static final int MAX_PURPOSE = 64;

    private final OutboxRepository outbox;
    private final StoreScope scope;
    private final PhoneCipher phones;

    NotificationQueries(OutboxRepository outbox, StoreScope scope, PhoneCipher phones) {
        this.outbox = outbox;
        this.scope = scope;
        this.phones = phones;
    }

    /** A member's messages (a manager: one of their store's members; MEMBER_NOT_FOUND otherwise). */
    public Mono<Pages.Page<Notification>> notifications(Viewer staff, Long memberId, NotificationStatus status,
                                                       Integer first, String after) {
        return scope.requireMemberInScope(staff, memberId, "memberId")
                .flatMap(member -> page(staff.brandId(), null,
                        new SentNotificationFilter(status, null, null, member.id(), null, null), first, after));
    }

    /** The messages to the brand's members (a store manager: their store's), narrowed by the filter. */
    public Mono<Pages.Page<Notification>> sent(Viewer staff, SentNotificationFilter filter, Integer first, String after) {
        SentNotificationFilter f = filter == null ? SentNotificationFilter.none() : filter;
        if (f.purpose() != null && (f.purpose().isBlank() || f.purpose().length() > MAX_PURPOSE)) {
            throw new BadArgumentException("filter.purpose must be 1 to " + MAX_PURPOSE + " characters (用途名称过长)");
        }
        return page(staff.brandId(), storeOf(staff), f, first, after);
    }

    /** One message, if it went to a member the staff member may see; empty otherwise. */
    public Mono<Notification> one(Viewer staff, long id) {
        return outbox.sent(staff.brandId(), storeOf(staff), id).map(this::seen);
    }

    private Mono<Pages.Page<Notification>> page(long brandId, Long storeId, SentNotificationFilter f, Integer first,
                                                String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, CURSOR_KIND);
        return outbox.sentPage(brandId, storeId, f, before, size + 1).map(this::seen).collectList()
                .zipWith(outbox.countSent(brandId, storeId, f),
                        (rows, total) -> Pages.of(rows, size, Notification::id, CURSOR_KIND, after != null, total));
    }

    /** Brand-wide roles see the brand's members; anyone else only their store's. */
    private static Long storeOf(Viewer staff) {
        return staff.role().isBrandWide() ? null : staff.storeId() == null ? -1L : staff.storeId();
    }

    private Notification seen(OutboxRepository.Due row) {
        String phone = row.phoneCipher() == null ? null : phones.decrypt(row.phoneCipher());
        return row.message().seenBy(phone, row.openid());
    }
}

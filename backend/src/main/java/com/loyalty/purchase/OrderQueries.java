package com.loyalty.purchase;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.member.MemberService;
import com.loyalty.membercode.MemberCodeService;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.SearchText;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.crypto.PhoneCipher;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Finding orders: a store's orders for its staff (a clerk or manager sees their own store's, an
 * admin names a store), by business days and a search for an order number or the member who bought
 * (their phone number or member code); and a member's own orders.
 */
@Service
class OrderQueries {

    /** The longest range of business days one store list covers. */
    static final int MAX_DAYS = 366;
    private static final String STORE_CURSOR = "order";
    private static final String MEMBER_CURSOR = "my-order";
    /** Audit action of a store order search that named a member by phone. */
    static final String SEARCH_ORDERS = "SEARCH_ORDERS";
    /** Audit action of a machine client's read of a store's orders or of one order. */
    static final String CLIENT_READ_ORDERS = "CLIENT_READ_ORDERS";

    private final PurchaseRepository purchases;
    private final StoreScope storeScope;
    private final MemberService members;
    private final MemberCodeService memberCodes;
    private final BrandProperties brand;
    private final RateLimits limits;
    private final StaffAuditLog audit;
    private final Clock clock;

    OrderQueries(PurchaseRepository purchases, StoreScope storeScope, MemberService members,
                 MemberCodeService memberCodes, BrandProperties brand, RateLimits limits, StaffAuditLog audit,
                 Clock clock) {
        this.purchases = purchases;
        this.storeScope = storeScope;
        this.members = members;
        this.memberCodes = memberCodes;
        this.brand = brand;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The store's orders of the filter's business days (default today; only {@code from}: up to
     * today; only {@code to}: that day), newest recorded first, with the totals of all it matches.
     * A search matches order numbers containing it, and the orders of the member whose phone number
     * or member code it is.
     */
    Mono<StoreOrderPage> storeOrders(Viewer staff, Long storeId, StoreOrderFilter filter, Integer first, String after) {
        StoreOrderFilter f = filter == null ? new StoreOrderFilter(null, null, null) : filter;
        LocalDate today = brand.today(clock);
        LocalDate to = f.to() != null ? f.to() : today;
        LocalDate from = f.from() != null ? f.from() : to;
        if (from.isAfter(to)) {
            return Mono.error(new BadArgumentException("filter.from is after filter.to (开始日期不能晚于结束日期)"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            return Mono.error(new BadArgumentException("at most " + MAX_DAYS + " days (最多查询 " + MAX_DAYS + " 天的订单)"));
        }
        String pattern = SearchText.pattern(f.search(), "filter.search");
        int size = Pages.size(first);
        Long before = Pages.after(after, STORE_CURSOR);
        return storeScope.storeFor(staff, storeId)
                .zipWith(searchedMember(staff, f.search()), (store, member) -> new PurchaseRepository.StoreOrderQuery(store,
                        from.atStartOfDay(brand.zone()).toInstant(), to.plusDays(1).atStartOfDay(brand.zone()).toInstant(),
                        pattern, member.orElse(null)))
                .flatMap(query -> purchases.storeOrders(query, before, size + 1).collectList()
                        .zipWith(purchases.storeOrderTotals(query), (rows, totals) -> new StoreOrderPage(
                                Pages.of(rows, size, Purchase::id, STORE_CURSOR, before != null, totals.count()), totals))
                        .flatMap(page -> audit.recordClientRead(staff, query.storeId(), CLIENT_READ_ORDERS,
                                query.memberId(), "orders " + from + " to " + to + (pattern == null ? "" : ", searched")
                                        + ": " + page.totalCount() + " found").thenReturn(page)));
    }

    /**
     * The member a search names by phone number or member code (read, not used up); none for other
     * text (an order number). Looking a member up by phone is a member lookup like findMembers:
     * rate-limited (MEMBER_LOOKUP) and audited (SEARCH_ORDERS, the phone masked); a code is
     * rate-limited and its refusals audited by the member-code module.
     */
    private Mono<Optional<Long>> searchedMember(Viewer staff, String search) {
        if (search == null || search.isBlank()) {
            return Mono.just(Optional.empty());
        }
        String text = search.strip();
        String phone = PhoneCipher.normalize(text);
        if (phone != null) {
            return limits.acquire(RateLimitedAction.MEMBER_LOOKUP, staff.rateSubject())
                    .then(members.idByPhone(staff.brandId(), phone).map(Optional::of).defaultIfEmpty(Optional.empty()))
                    .flatMap(found -> audit.record(staff, staff.storeId(), SEARCH_ORDERS, found.orElse(null),
                            "phone " + PhoneCipher.mask(phone) + (found.isPresent() ? ": a member" : ": no member"))
                            .thenReturn(found));
        }
        if (!MemberCodeService.looksLikeMemberCode(text)) {
            return Mono.just(Optional.empty());
        }
        // an expired or unknown code finds no orders; too many guesses say so (RATE_LIMITED)
        return memberCodes.memberNamedBy(staff, text)
                .map(Optional::of)
                .onErrorResume(e -> e instanceof BusinessException refused && refused.error().code() != ErrorCode.RATE_LIMITED,
                        e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * One order, to its store's clerks and managers, the brand's admins and the machine clients acting
     * for its store; empty for anyone else.
     */
    Mono<Purchase> storeOrder(Viewer staff, long id) {
        return purchases.findById(id)
                .filter(order -> order.brandId() == staff.brandId()
                        && (staff.role().isBrandWide() || staff.actsFor(order.storeId())
                                || Long.valueOf(order.storeId()).equals(staff.storeId())))
                .flatMap(order -> audit.recordClientRead(staff, order.storeId(), CLIENT_READ_ORDERS, order.memberId(),
                        "order " + order.id() + " (" + order.orderNo() + ")").thenReturn(order))
                .switchIfEmpty(Mono.defer(() -> audit.recordClientRead(staff, null, CLIENT_READ_ORDERS, null,
                        "order " + id + ": not found").then(Mono.empty())));
    }

    /** The signed-in member's orders, newest recorded first. */
    Mono<Pages.Page<Purchase>> myOrders(Viewer member, Integer first, String after) {
        int size = Pages.size(first);
        Long before = Pages.after(after, MEMBER_CURSOR);
        return purchases.memberOrders(member.id(), before, size + 1).collectList()
                .zipWith(purchases.countMemberOrders(member.id()),
                        (rows, total) -> Pages.of(rows, size, Purchase::id, MEMBER_CURSOR, before != null, total));
    }

    /** One of the signed-in member's own orders; empty for another member's. */
    Mono<Purchase> myOrder(Viewer member, long id) {
        return purchases.findById(id).filter(order -> Long.valueOf(member.id()).equals(order.memberId()));
    }
}

package com.loyalty.analytics.events;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The events report: member events that start in the range, per event and in total (events called
 * off are listed but left out of the total), with the purchases of attendees and non-attendees in the
 * 30 days after each event that is over. A store manager reads their own store's events only
 * ({@link AnalyticsScopes}).
 */
@Service
class EventReportService {

    /** The days after an event whose purchases are compared. */
    static final int WINDOW_DAYS = 30;
    static final int MAX_FIRST = 200;
    private static final String CANCELLED = "CANCELLED";

    private final EventReportRepository events;
    private final AnalyticsScopes scopes;
    private final BrandProperties brand;
    private final Clock clock;

    EventReportService(EventReportRepository events, AnalyticsScopes scopes, BrandProperties brand, Clock clock) {
        this.events = events;
        this.scopes = scopes;
        this.brand = brand;
        this.clock = clock;
    }

    Mono<EventReport> report(Viewer staff, AnalyticsRange range, Integer first) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_FIRST) {
            return Mono.error(new BadArgumentException("first: 1 to " + MAX_FIRST));
        }
        return scopes.resolve(staff, range.storeId()).flatMap(scope -> report(scope, range, size));
    }

    /** The report for a scope already checked (also the CSV export's entry); {@code size} events listed. */
    Mono<EventReport> report(AnalyticsScope scope, AnalyticsRange range, int size) {
        Instant now = clock.instant();
        Instant from = range.from().atStartOfDay(brand.zone()).toInstant();
        Instant to = range.to().plusDays(1).atStartOfDay(brand.zone()).toInstant();
        return Mono.zip(events.events(scope, from, to, now).collectList(),
                        events.purchasesAfter(scope, from, to, now, WINDOW_DAYS)
                                .collectMultimap(EventReportRepository.GroupRow::eventId))
                .map(found -> {
                    Map<Long, Collection<EventReportRepository.GroupRow>> groups = found.getT2();
                    List<EventReportRow> rows = found.getT1().stream().map(e -> row(e, groups.get(e.id()), now))
                            .collect(Collectors.toList());
                    // an event called off is listed with its status but counts in no total
                    EventNumbers total = rows.stream().filter(r -> !CANCELLED.equals(r.status()))
                            .map(EventReportRow::numbers).reduce(EventNumbers.none(WINDOW_DAYS), EventNumbers::plus);
                    return new EventReport(scope.storeId(), rows.size(), WINDOW_DAYS, total,
                            List.copyOf(rows.subList(0, Math.min(size, rows.size()))));
                });
    }

    private static EventReportRow row(EventReportRepository.EventRow e,
                                      Collection<EventReportRepository.GroupRow> groups, Instant now) {
        EventGroupPurchases attendees = EventGroupPurchases.NONE;
        EventGroupPurchases others = EventGroupPurchases.NONE;
        for (EventReportRepository.GroupRow g : groups == null ? List.<EventReportRepository.GroupRow>of() : groups) {
            if (g.attended()) {
                attendees = attendees.plus(g.purchases());
            } else {
                others = others.plus(g.purchases());
            }
        }
        boolean complete = !e.over() || !e.endsAt().plus(Duration.ofDays(WINDOW_DAYS)).isAfter(now);
        EventNumbers numbers = new EventNumbers(1, e.capacity(), e.confirmed(), e.waiting(), e.cancelled(), e.attended(),
                e.noShows(), e.points(), e.over() ? e.confirmed() : 0, e.over() ? e.attended() : 0,
                new EventPurchasesAfter(WINDOW_DAYS, complete, attendees, others));
        return new EventReportRow(e.id(), e.title(), e.storeId(), e.storeName(), e.startsAt(), e.endsAt(), e.status(),
                numbers);
    }
}

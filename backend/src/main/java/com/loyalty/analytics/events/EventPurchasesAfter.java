package com.loyalty.analytics.events;

/**
 * What attendees and members who signed up but did not come bought in the {@code windowDays} after
 * events that are over; {@code complete} is false while some event's window is still open.
 */
public record EventPurchasesAfter(int windowDays, boolean complete, EventGroupPurchases attendees,
                                  EventGroupPurchases nonAttendees) {

    EventPurchasesAfter plus(EventPurchasesAfter o) {
        return new EventPurchasesAfter(windowDays, complete && o.complete, attendees.plus(o.attendees),
                nonAttendees.plus(o.nonAttendees));
    }
}

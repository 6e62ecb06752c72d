package com.loyalty.analytics.events;

/**
 * The numbers of one event, or summed over events: places offered and held, waiting, cancelled,
 * attended, no-shows and points given, the attendance of the events that are over, and the
 * purchases after them. {@code heldOver} and {@code attendedOver} are the places held and the
 * attendances of the events that are over (not cancelled), the base of the attendance rate.
 */
public record EventNumbers(int events, int capacity, int confirmed, int waiting, int cancelled, int attended,
                           int noShows, long pointsAwarded, int heldOver, int attendedOver,
                           EventPurchasesAfter purchasesAfter) {

    /** attended ÷ places held, over the events that are over; null when there are none or nobody held a place. */
    public Double attendanceRate() {
        return heldOver == 0 ? null : (double) attendedOver / heldOver;
    }

    EventNumbers plus(EventNumbers o) {
        return new EventNumbers(events + o.events, capacity + o.capacity, confirmed + o.confirmed, waiting + o.waiting,
                cancelled + o.cancelled, attended + o.attended, noShows + o.noShows, pointsAwarded + o.pointsAwarded,
                heldOver + o.heldOver, attendedOver + o.attendedOver, purchasesAfter.plus(o.purchasesAfter));
    }

    static EventNumbers none(int windowDays) {
        return new EventNumbers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new EventPurchasesAfter(windowDays, true,
                EventGroupPurchases.NONE, EventGroupPurchases.NONE));
    }
}

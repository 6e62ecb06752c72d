package com.loyalty.stamp;

/** Which cards {@code stampCards(filter:)} lists: of a status, of one store (or, for a manager, theirs). */
public record StampCardFilter(StampCard.Status status, Long storeId) {

    static final StampCardFilter ALL = new StampCardFilter(null, null);
}

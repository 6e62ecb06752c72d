package com.loyalty.memberevent;

/** Where an event stands; FINISHED is never stored, it follows from the end time. */
public enum MemberEventStatus {
    DRAFT, PUBLISHED, PAUSED, CANCELLED, FINISHED
}

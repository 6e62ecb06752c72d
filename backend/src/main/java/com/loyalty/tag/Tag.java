package com.loyalty.tag;

/** A member tag of a brand: put on by staff (MANUAL) or kept up to date by its rule (RULE). */
public record Tag(long id, String name, Kind kind) {

    /** Who decides which members have the tag. */
    public enum Kind { MANUAL, RULE }
}

package com.loyalty.member;

/** A member's gender as they chose to tell it. */
public enum Gender {
    UNKNOWN,
    MALE,
    FEMALE
}

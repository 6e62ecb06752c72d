package com.loyalty.privacy;

/** One version of the privacy notice members read before any profile data is stored. */
public record PrivacyNotice(int version, String title, String text, boolean current) {
}

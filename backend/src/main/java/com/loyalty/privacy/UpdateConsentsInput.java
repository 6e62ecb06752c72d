package com.loyalty.privacy;

/** Accepts the privacy notice (its current version) and/or gives or withdraws marketing consent. */
public record UpdateConsentsInput(Integer acceptNoticeVersion, Boolean marketing) {
}

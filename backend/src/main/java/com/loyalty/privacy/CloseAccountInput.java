package com.loyalty.privacy;

/** The member confirms they want their account closed. */
public record CloseAccountInput(Boolean confirm) {
}

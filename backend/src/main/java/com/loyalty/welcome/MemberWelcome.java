package com.loyalty.welcome;

import java.time.Instant;

/** GraphQL {@code MemberWelcome}: what a new member's welcome gave them, shown once on the card. */
public record MemberWelcome(Instant welcomedAt, String packName, String message) {

    /** Nothing to show: no pack was given and the rules had no message. */
    boolean empty() {
        return packName == null && message == null;
    }
}

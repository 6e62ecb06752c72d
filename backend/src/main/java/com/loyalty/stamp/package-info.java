/**
 * Stamp cards (集章兑换): a brand or one store defines a card of N qualifying purchases (a product
 * category, or a minimum paid amount) within a period (a calendar month, or N days from the first
 * stamp) that earns a reward (points through the points ledger, or a coupon). Stamps come from the
 * purchase module's events, one per order and card; a refund before the card completes takes its
 * stamp back; the last stamp gives the reward once, and the next qualifying order starts a new card.
 * Definitions are versioned: a member's running card keeps the terms it started under.
 */
package com.loyalty.stamp;

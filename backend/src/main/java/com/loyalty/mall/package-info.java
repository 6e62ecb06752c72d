/**
 * The points mall (积分商城): goods members exchange points for, managed in the console as versioned
 * terms with a life cycle (draft, on sale, paused, archived), their stock (brand-wide or per store),
 * and members' redemptions: paid through the points ledger in the transaction that takes the stock,
 * picked up at a store with a code or delivered, cancelled or expired with points and stock given back.
 */
package com.loyalty.mall;

/**
 * A new member's welcome: the welcome coupon pack of the programme rules in force when they
 * registered (at a store by its QR code too) and a welcome message, given once per member; the
 * member card shows it once (myWelcome until markWelcomeSeen).
 */
package com.loyalty.welcome;

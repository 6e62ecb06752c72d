/**
 * The brand's programme rules as versions: tiers, earning, member day, birthday, points value and
 * expiry, check-in, referral and the welcome gift, each version in force from its time until the
 * next one's. Other modules ask for the rules in force at an event's time
 * ({@link com.loyalty.programme.ProgramRulesService#rulesAt}); this module depends on none of them but
 * staff, to name who scheduled a version.
 */
package com.loyalty.programme;

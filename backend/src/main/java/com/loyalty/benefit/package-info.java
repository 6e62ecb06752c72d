/**
 * Tier benefits that are real (专属服务): per tier, coupon templates given to every member of the
 * tier once a business month (the TIER_BENEFITS job on the 1st, after the tier review), and this
 * month's benefits of the new tier on an upgrade. Once per member, month, tier and coupon template,
 * however often the job runs or on how many instances. Each change is a new version, in force from
 * when it is saved; coupons given are never taken back.
 */
package com.loyalty.benefit;

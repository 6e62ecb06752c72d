-- Early access to a coupon of the coupon centre (优先领): members of the chosen tiers may claim or buy
-- it from early_from, everyone from general_from, nobody before early_from. Set and changed with the
-- rest of the template (audited with before and after); coupons already held are never touched.
alter table coupon_template
    add column early_tier_levels int[],
    add column early_from        timestamptz,
    add column general_from      timestamptz,
    -- the early tiers whose members were told that their early access opened (COUPON_EARLY_ACCESS job):
    -- a tier added later is told too; each member is told at most once per template (the outbox's dedupe key)
    add column early_notice_levels int[],
    add constraint coupon_template_early_access check (
        (early_tier_levels is null) = (early_from is null)
        and (early_from is null) = (general_from is null)
        and (early_from is null or early_from < general_from)
        and (early_tier_levels is null or cardinality(early_tier_levels) >= 1));

-- what the early-access job looks for every minute: templates with early access, few of them
create index coupon_template_early on coupon_template (general_from) where early_tier_levels is not null;

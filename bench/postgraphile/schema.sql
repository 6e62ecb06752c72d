-- The peer of scripts/bench (docs/performance.md, "Against PostGraphile"): what a PostGraphile user
-- adds to this database so that PostGraphile 4 answers what our `me` and points history answer.
-- Applied by scripts/bench to the bench database only (never a Flyway migration).
--
-- The current member: PostGraphile verifies the request's JWT (--jwt-secret) and puts its claims in
-- the transaction's settings (jwt.claims.<claim>); the token names the member as `member_id`.
create or replace function current_member_id() returns bigint language sql stable as $$
  select nullif(current_setting('jwt.claims.member_id', true), '')::bigint
$$;

-- Query.currentMember
create or replace function current_member() returns member language sql stable as $$
  select * from member where id = current_member_id()
$$;

-- Computed columns of Member (PostGraphile inlines these into its one statement).
-- Member.threeMonthSpendCents: the spend tier progress uses (TierService.progress, TierRepository.spend):
-- the member's purchases, net of refunds, that occurred in the current calendar month and the two before
-- it (the rules' tierWindowMonths, 3), months in the brand's zone (Asia/Shanghai).
create or replace function member_three_month_spend_cents(m member) returns bigint language sql stable as $$
  select coalesce(sum(p.amount_cents - p.refunded_cents), 0)::bigint
  from purchase p
  where p.member_id = m.id
    and p.occurred_at >= (date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '2 months')
                             at time zone 'Asia/Shanghai'
    and p.occurred_at < (date_trunc('month', now() at time zone 'Asia/Shanghai') + interval '1 month')
                            at time zone 'Asia/Shanghai'
$$;

-- Member.currentTier: the tier row of the member's level (level 0 when the member has no tier row yet).
create or replace function member_current_tier(m member) returns tier language sql stable as $$
  select t.* from tier t
  where t.brand_id = m.brand_id
    and t.level = coalesce((select mt.level from member_tier mt where mt.member_id = m.id), 0)
$$;

-- Member.nextTier: the lowest tier above it, null at the top.
create or replace function member_next_tier(m member) returns tier language sql stable as $$
  select t.* from tier t
  where t.brand_id = m.brand_id
    and t.level > coalesce((select mt.level from member_tier mt where mt.member_id = m.id), 0)
  order by t.level
  limit 1
$$;

-- The one name clash PostGraphile meets in this schema (table tag's condition type and table
-- tag_condition's type are both TagCondition): renamed as PostGraphile's error message suggests.
comment on table tag_condition is E'@name tag_condition_entry';

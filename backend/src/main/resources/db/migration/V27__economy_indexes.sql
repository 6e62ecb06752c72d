-- Indexes behind the points economy and every store-scoped analytics read.

-- pointsEconomy's "expiring in 30/60/90 days" sums each member's open buckets of the window: the
-- open-bucket index (also the order points are spent in) now carries what is left, so the sum reads
-- only the index (an index-only scan per member) instead of every bucket's row.
drop index points_grant_open;
create index points_grant_open on points_grant (member_id, expires_at, ledger_id) include (remaining)
    where remaining > 0;

-- A store's members (registered there or bought there, ScopedMembers): the members who bought at the
-- store straight from the index, instead of every purchase or one probe per member.
create index if not exists purchase_store_member on purchase (store_id, member_id);

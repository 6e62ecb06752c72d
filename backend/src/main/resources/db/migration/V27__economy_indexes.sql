-- Indexes behind the points economy and every store-scoped analytics read.

-- pointsEconomy's "expiring in 30/60/90 days": the open buckets by expiry, with the columns the sum
-- needs, so it reads only the buckets of the window (an index-only scan) instead of every bucket.
create index if not exists points_grant_expiring on points_grant (expires_at) include (member_id, remaining)
    where remaining > 0;

-- A store's members (registered there or bought there, ScopedMembers): the members who bought at the
-- store straight from the index, instead of every purchase or one probe per member.
create index if not exists purchase_store_member on purchase (store_id, member_id);

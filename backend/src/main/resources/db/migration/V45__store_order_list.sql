-- The staff's order list: a store's orders of a range of days, newest first.
create index if not exists purchase_store_occurred on purchase (store_id, occurred_at);

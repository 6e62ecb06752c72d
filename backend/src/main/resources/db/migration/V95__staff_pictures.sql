-- Pictures staff upload from the console (media module): of points-mall goods (marketers, admins)
-- and of member events (store managers for their store's events; marketers and admins for any store's,
-- or for the brand's when they name no store). Re-encoded and kept like members' avatars, under a
-- random key served at /media/{key}. The row says whose brand, which store and what for, so that
-- goods and events take only a picture uploaded for them (an event: for its own store or the brand).
alter table media_object alter column member_id drop not null;
alter table media_object add column brand_id bigint references brand (id);
alter table media_object add column staff_id bigint references staff (id);
alter table media_object add column store_id bigint references store (id);
alter table media_object add constraint media_object_owner check (
    (purpose = 'AVATAR' and member_id is not null)
    or (purpose in ('GOODS', 'EVENT') and member_id is null and brand_id is not null and staff_id is not null
        and (purpose = 'EVENT' or store_id is null)));

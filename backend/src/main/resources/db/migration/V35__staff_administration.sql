-- Staff administration at run time (issue 24): an admin or a store manager resets a password to a
-- temporary one the account must change at its next sign-in; a search over username and display name.

alter table staff add column must_change_password boolean not null default false;

create index staff_brand_store on staff (brand_id, store_id, id);

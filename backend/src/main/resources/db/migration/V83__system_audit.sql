-- The audit trail also records what the system itself did on a schedule (a lottery ended by the
-- LOTTERY_END job when its end time passed): no staff member and no machine client, by_system true.
alter table staff_audit add column by_system boolean not null default false;
alter table staff_audit drop constraint staff_audit_actor;
alter table staff_audit add constraint staff_audit_actor check (staff_id is not null or client_id is not null or by_system);

-- Roles are named for their scope (issue 24): MANAGER becomes STORE_MANAGER. Access tokens issued
-- before this carry "MANAGER" and are read as STORE_MANAGER until they expire (Role.fromClaim).

alter table staff drop constraint staff_role_check;
update staff set role = 'STORE_MANAGER' where role = 'MANAGER';
alter table staff add constraint staff_role_check check (role in ('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN'));

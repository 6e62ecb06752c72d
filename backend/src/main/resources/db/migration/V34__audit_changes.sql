-- Every change a manager makes is audited with what it changed (issue 24): the object it was made
-- to (e.g. CAMPAIGN 12) and its state before and after, as JSON.

alter table staff_audit add column subject_type text;
alter table staff_audit add column subject_id bigint;
alter table staff_audit add column before jsonb;
alter table staff_audit add column after jsonb;
alter table staff_audit add check ((subject_type is null) = (subject_id is null));

create index staff_audit_subject on staff_audit (brand_id, subject_type, subject_id, id desc) where subject_type is not null;

-- The member card shows a new member's welcome (pack and message) once: seen_at is set when the
-- member has seen it. Members welcomed before this version count as having seen theirs.
alter table member_welcome add column seen_at timestamptz;
update member_welcome set seen_at = welcomed_at;

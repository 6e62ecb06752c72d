-- Personal data rights (PIPL): the privacy notice a member accepted, their separate marketing
-- consent, account closure with a cooling-off period, and counts of members campaigns skipped.

alter table member
    -- version of the privacy notice the member accepted; null: not accepted, no profile data stored
    add column privacy_version      int,
    add column privacy_accepted_at  timestamptz,
    -- marketing messages and SMS (campaigns, automation); opt-in, withdrawable at any time
    add column marketing_consent    boolean     not null default false,
    add column marketing_consent_at timestamptz,
    -- closeAccount: requested at, erased from; signing in before then cancels
    add column closure_requested_at timestamptz,
    add column closes_at            timestamptz,
    -- when personal fields were erased (the row stays for orders, ledgers and analytics)
    add column closed_at            timestamptz;

-- Members who registered before the privacy notice existed: they agreed to the terms of the day
-- (version 0) and kept receiving marketing; they can withdraw with updateConsents.
update member set privacy_version = 0, privacy_accepted_at = registered_at,
                  marketing_consent = true, marketing_consent_at = registered_at;

create index member_closing on member (closes_at) where closes_at is not null and closed_at is null;

-- Every consent given or withdrawn, for the member's export and for proof of consent.
create table consent_event (
    id         bigserial primary key,
    member_id  bigint      not null references member (id),
    consent    text        not null check (consent in ('PRIVACY_NOTICE', 'MARKETING')),
    granted    boolean     not null,
    -- the privacy notice version for PRIVACY_NOTICE
    version    int,
    created_at timestamptz not null
);

create index consent_event_member on consent_event (member_id, id);

-- Audience members a campaign left out because they had not consented to marketing.
alter table campaign add column skipped_no_consent int not null default 0;
-- Members an automation rule left out for the same reason.
alter table automation_run add column skipped_no_consent int not null default 0;

create index staff_audit_created on staff_audit (created_at);

-- Automation rules a manager configures per brand, what they did to whom, and the call list
-- they leave for store staff.
create table automation_rule (
    brand_id  bigint  not null references brand (id),
    rule      text    not null check (rule in ('DORMANT_30', 'DORMANT_60', 'PACK_FOLLOW_UP', 'BIRTHDAY', 'REPURCHASE')),
    enabled   boolean not null default true,
    -- days for the dormant rules and the follow-up, percent of the usual interval for repurchase
    threshold int     not null check (threshold >= 0),
    pack_id   bigint references coupon_pack (id),
    message   text    not null,
    primary key (brand_id, rule)
);

insert into automation_rule (brand_id, rule, threshold, message) values
    (1, 'DORMANT_30', 30, '{nickname}，好久不见！为您准备了回店礼券，最近大家都在买：{items}'),
    (1, 'DORMANT_60', 60, '{nickname}，我们想您了！专属回流券包已到账，快来看看吧'),
    (1, 'PACK_FOLLOW_UP', 7, '回流券包 7 天未使用，请致电会员关怀'),
    (1, 'BIRTHDAY', 0, '{nickname}，生日快乐！生日礼券已放入您的卡包'),
    (1, 'REPURCHASE', 120, '{nickname}，您常买的{category}该补货啦');

-- One action per rule, member and episode (e.g. the dormant spell that began on a day): running
-- a rule twice never acts twice.
create table automation_action (
    id         bigserial primary key,
    brand_id   bigint      not null references brand (id),
    rule       text        not null,
    member_id  bigint      not null references member (id),
    episode    text        not null,
    acted_on   date        not null,
    coupon_ids bigint[]    not null default '{}',
    created_at timestamptz not null,
    unique (rule, member_id, episode)
);

create index automation_action_rule_day on automation_action (rule, acted_on);

-- How many members each rule acted on in each run.
create table automation_run (
    id       bigserial primary key,
    brand_id bigint      not null references brand (id),
    rule     text        not null,
    as_of    date        not null,
    acted    int         not null,
    ran_at   timestamptz not null
);

create index automation_run_rule on automation_run (brand_id, rule, id desc);

-- Members for store staff to call, with the outcome.
create table follow_up_task (
    id          bigserial primary key,
    brand_id    bigint      not null references brand (id),
    store_id    bigint      not null references store (id),
    member_id   bigint      not null references member (id),
    action_id   bigint      not null unique references automation_action (id),
    reason      text        not null,
    status      text        not null default 'OPEN'
        check (status in ('OPEN', 'NO_ANSWER', 'REACHED', 'DECLINED', 'DONE')),
    note        text,
    due_on      date        not null,
    created_at  timestamptz not null,
    updated_by  bigint references staff (id),
    updated_at  timestamptz
);

create index follow_up_task_store on follow_up_task (store_id, status, id desc);

-- Issue 24: coupon templates and packs can be archived (no new coupons from them; coupons already
-- held stay valid), automation runs count members skipped because the rule's pack is archived, and
-- the console's lists filter and count brand-wide.
alter table coupon_template add column archived_at timestamptz;
alter table coupon_pack add column archived_at timestamptz;
alter table automation_run add column skipped_pack_archived int not null default 0;

create index coupon_template_brand on coupon_template (brand_id, id);
create index coupon_pack_brand on coupon_pack (brand_id, id);
create index recharge_package_brand on recharge_package (brand_id, id);
create index member_coupon_template on member_coupon (template_id, status);

-- an id for each brand's rule, so that the audit trail can name it (staffActions(subject: "AUTOMATION_RULE", subjectId:))
alter table automation_rule add column id bigserial;
alter table automation_rule add constraint automation_rule_id_key unique (id);

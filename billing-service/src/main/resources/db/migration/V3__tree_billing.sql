-- The root of an organization tree is its billing entity: its plan and limits hold for the whole tree, and a
-- limit counts the usage of every organization in it. Organizations move only within their own tree, so an
-- account's root never changes. Accounts opened before this column existed stay their own billing entity.
alter table billing_account add column billing_root_id uuid;
update billing_account set billing_root_id = organization_id;
alter table billing_account alter column billing_root_id set not null;
create index billing_account_root on billing_account (billing_root_id);

-- a sub-organization's own quota rows only count its usage: the root's limit applies
update resource_quota q set limit_value = null, custom = false
    from billing_account a where a.organization_id = q.organization_id and a.billing_root_id <> a.organization_id;

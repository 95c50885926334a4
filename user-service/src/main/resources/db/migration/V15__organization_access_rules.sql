-- An organization's own access rules beside its 2FA setting (from OrganizationSettingsChanged): the addresses it admits
-- (CIDRs; empty = no restriction of its own) and how old a login may be (minutes; null = no cap of its own).
alter table organization_node
    add column ip_allowlist        text[]  not null default '{}',
    add column max_session_minutes integer;

drop trigger organization_facts_changed on organization_node;
create trigger organization_facts_changed after update on organization_node
    for each row when (old.parent_id is distinct from new.parent_id or old.available is distinct from new.available
        or old.enforce_2fa is distinct from new.enforce_2fa or old.ip_allowlist is distinct from new.ip_allowlist
        or old.max_session_minutes is distinct from new.max_session_minutes)
    execute function record_access_change('organization');

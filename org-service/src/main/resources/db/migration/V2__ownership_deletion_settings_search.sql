-- Ownership: exactly one Owner per organization, the creator at first.
alter table organization add column owner_id uuid;
update organization set owner_id = created_by;
alter table organization alter column owner_id set not null;

-- Deletion: restorable until purge_after, then purged by OrganizationPurgeJob.
alter table organization add column purge_after timestamptz;
create index organization_purge_due on organization (purge_after) where state = 'PENDING_DELETION';

-- Search: keyset pages ordered by name (unique), narrowed by the filters.
create index organization_region_name on organization (region, name);
create index organization_state_name on organization (state, name);
create index organization_parent_name on organization (parent_id, name);

-- An organization's own settings (effective settings are computed along its ancestors).
create table organization_settings (
    organization_id          uuid primary key references organization (id) on delete cascade,
    enforce_2fa              boolean     not null default false,
    ip_allowlist             varchar(4000) not null default '',
    max_session_minutes      int check (max_session_minutes > 0),
    api_key_max_lifetime_days int check (api_key_max_lifetime_days > 0),
    billing_contact_email    varchar(320),
    updated_at               timestamptz not null,
    version                  bigint      not null
);
insert into organization_settings (organization_id, updated_at, version)
    select id, updated_at, 0 from organization;

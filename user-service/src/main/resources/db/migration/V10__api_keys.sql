create table api_key (
    id              uuid primary key,
    organization_id uuid         not null,
    user_id         uuid         not null,
    name            varchar(100) not null,
    display_prefix  varchar(16)  not null,
    secret_hash     varchar(64)  not null unique,
    scopes          text[]       not null,
    reservation_id  uuid         not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    revoked_at      timestamptz,
    last_used_at    timestamptz,
    version         bigint       not null
);
create index api_key_org_user on api_key (organization_id, user_id, created_at, id);

-- the organizations' own API key lifetime caps (from OrganizationSettingsChanged); effective = min up the tree
create table api_key_policy (
    organization_id        uuid primary key,
    max_lifetime_days      int
);

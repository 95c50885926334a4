-- SSO per organization. A connection is a Keycloak identity provider linked to the organization's Keycloak
-- organization; its client secret lives in Keycloak (pending_secret holds it only until Keycloak has it). A deleted
-- connection stays as a row (deleted_at) so Keycloak's copy is removed and sessions it started are refused.
create table sso_connection (
    id                   uuid primary key,
    organization_id      uuid          not null,
    alias                varchar(64)   not null unique,
    protocol             varchar(8)    not null,
    display_name         varchar(100)  not null,
    domain               varchar(253)  not null,
    issuer               varchar(2048),
    client_id            varchar(255),
    pending_secret       varchar(1024),
    metadata_url         varchar(2048),
    metadata_xml         text,
    email_attribute      varchar(100)  not null,
    first_name_attribute varchar(100)  not null,
    last_name_attribute  varchar(100)  not null,
    default_role         varchar(20)   not null,
    default_team         varchar(100),
    version              integer       not null default 1,
    created_at           timestamptz   not null,
    deleted_at           timestamptz
);
create index sso_connection_organization on sso_connection (organization_id);

-- Email domains an organization claims; verified by a DNS TXT record. One verified owner per domain.
create table organization_domain (
    id                 uuid primary key,
    organization_id    uuid         not null,
    domain             varchar(253) not null,
    verification_token varchar(64)  not null,
    created_at         timestamptz  not null,
    verified_at        timestamptz,
    checked_at         timestamptz,
    check_failure      varchar(300),
    unique (organization_id, domain)
);
create unique index organization_domain_verified_once on organization_domain (domain) where verified_at is not null;

-- Keycloak is brought in step per organization after commit: wanted grows with every change, done follows it.
create table sso_sync (
    organization_id uuid primary key,
    wanted          bigint      not null,
    done            bigint      not null default 0,
    last_error      varchar(500),
    updated_at      timestamptz not null
);
create index sso_sync_behind on sso_sync (updated_at) where done < wanted;

-- What the access check needs: which sign-in methods the organization admits, and the identity providers (Keycloak
-- aliases) of its live and of its deleted connections.
alter table organization_node
    add column sign_in_policy      varchar(20) not null default 'PASSWORD_AND_SSO',
    add column sso_aliases         text[]      not null default '{}',
    add column retired_sso_aliases text[]      not null default '{}';

drop trigger organization_facts_changed on organization_node;
create trigger organization_facts_changed after update on organization_node
    for each row when (old.parent_id is distinct from new.parent_id or old.available is distinct from new.available
        or old.enforce_2fa is distinct from new.enforce_2fa or old.ip_allowlist is distinct from new.ip_allowlist
        or old.max_session_minutes is distinct from new.max_session_minutes
        or old.sign_in_policy is distinct from new.sign_in_policy or old.sso_aliases is distinct from new.sso_aliases
        or old.retired_sso_aliases is distinct from new.retired_sso_aliases)
    execute function record_access_change('organization');

-- Each SSO sign-in (Keycloak session) admits its person once: a member removed afterwards stays removed until they
-- sign in again, however often the console or the login-event poll of any replica reports that sign-in.
create table sso_sign_in (
    session_id      varchar(100) primary key,
    user_id         uuid        not null,
    organization_id uuid        not null,
    at              timestamptz not null
);

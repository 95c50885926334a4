create table invitation (
    id              uuid primary key,
    organization_id uuid         not null,
    email           varchar(320) not null,
    name            varchar(200) not null,
    role            varchar(20)  not null,
    teams           text[]       not null,
    note            varchar(2000),
    state           varchar(20)  not null,
    token_hash      varchar(64)  not null unique,
    invited_by      uuid         not null,
    reservation_id  uuid         not null,
    created_at      timestamptz  not null,
    sent_at         timestamptz  not null,
    expires_at      timestamptz  not null,
    version         bigint       not null
);
-- one pending invitation per email and organization
create unique index invitation_one_pending on invitation (organization_id, email) where state = 'PENDING';
create index invitation_org_state on invitation (organization_id, state, created_at);

create table billing_account (
    organization_id   uuid primary key,
    plan              varchar(20)  not null,
    billing_email     varchar(320),
    outstanding_cents bigint       not null default 0,
    created_at        timestamptz  not null,
    version           bigint       not null
);

create table resource_quota (
    organization_id uuid        not null references billing_account (organization_id) on delete cascade,
    resource        varchar(20) not null,
    limit_value     bigint,
    used            bigint      not null check (used >= 0),
    primary key (organization_id, resource),
    -- the database itself refuses an exceeded limit, whatever the application does
    check (limit_value is null or used <= limit_value)
);

create table reservation (
    id              uuid primary key,
    organization_id uuid         not null,
    resource        varchar(20)  not null,
    amount          bigint       not null check (amount > 0),
    idempotency_key varchar(200) not null,
    state           varchar(20)  not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    unique (organization_id, idempotency_key)
);
create index reservation_held_expiry on reservation (expires_at) where state = 'HELD';

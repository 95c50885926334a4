create table user_profile (
    id            uuid primary key,
    email         varchar(320) not null unique,
    name          varchar(200),
    status        varchar(20)  not null,
    created_at    timestamptz  not null,
    last_login_at timestamptz,
    version       bigint       not null
);

create table organization_node (
    id        uuid primary key,
    parent_id uuid,
    available boolean not null
);

create table membership (
    id              uuid primary key,
    organization_id uuid        not null,
    user_id         uuid        not null,
    role            varchar(20) not null,
    created_at      timestamptz not null,
    version         bigint      not null,
    unique (organization_id, user_id)
);
create index membership_user on membership (user_id);

create table team (
    id              uuid primary key,
    organization_id uuid         not null,
    name            varchar(100) not null,
    created_at      timestamptz  not null,
    unique (organization_id, name)
);

create table team_member (
    team_id   uuid        not null references team (id) on delete cascade,
    user_id   uuid        not null,
    team_role varchar(20) not null,
    primary key (team_id, user_id)
);

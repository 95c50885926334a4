create table organization (
    id            uuid primary key,
    name          varchar(63)  not null unique,
    display_name  varchar(200) not null,
    description   varchar(2000),
    contact_email varchar(320),
    region        varchar(2)   not null,
    state         varchar(20)  not null,
    parent_id     uuid references organization (id),
    root_id       uuid         not null,
    depth         int          not null check (depth between 1 and 4),
    created_by    uuid         not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null
);
create index organization_parent on organization (parent_id);
create index organization_root on organization (root_id);

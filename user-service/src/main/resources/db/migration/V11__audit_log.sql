-- Append-only: the application has no statement that updates or deletes entries, except a purge of an organization.
create table audit_entry (
    id              bigserial primary key,
    event_id        varchar(100) not null unique,
    occurred_at     timestamptz  not null,
    action          varchar(100) not null,
    actor_id        varchar(100),
    organization_id uuid,
    target          varchar(300),
    source          varchar(100) not null,
    source_address  varchar(100),
    data            text         not null
);
create index audit_by_org on audit_entry (organization_id, occurred_at desc, id desc);
create index audit_by_actor on audit_entry (actor_id, occurred_at desc, id desc);
create index audit_by_action on audit_entry (action, occurred_at desc, id desc);

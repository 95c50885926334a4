-- Which channels each person wants per category (JSON; null: the defaults).
alter table user_profile add column notification_preferences varchar(2000);

-- One notification per person and event (a redelivered event adds none); in_app: shown in their feed.
create table notification (
    id              uuid primary key,
    user_id         uuid         not null,
    organization_id uuid,
    category        varchar(20)  not null,
    title           varchar(200) not null,
    body            varchar(2000) not null,
    source_event    varchar(200) not null,
    in_app          boolean      not null,
    created_at      timestamptz  not null,
    read_at         timestamptz,
    unique (user_id, source_event)
);
create index notification_feed on notification (user_id, created_at desc, id) where in_app;

-- What still has to go out on the other channels, sent after the notification committed.
create table notification_delivery (
    id              uuid primary key,
    notification_id uuid         not null references notification (id) on delete cascade,
    channel         varchar(20)  not null,
    address         varchar(2000) not null,
    attempts        int          not null default 0,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    sent_at         timestamptz
);
create index notification_delivery_pending on notification_delivery (created_at) where sent_at is null;

-- Shared by every service (shipped in the platform jar): the transactional outbox and the consumer inbox.
create table outbox (
    id              bigserial primary key,
    event_id        varchar(64)  not null unique,
    topic           varchar(200) not null,
    event_type      varchar(200) not null,
    source          varchar(200) not null,
    subject         varchar(200),
    organization_id uuid         not null,
    occurred_at     timestamptz  not null,
    data            text         not null
);

create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(64)  not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- The newest watermark, per partition, of a service whose facts the access view copies from Kafka (org-service:
-- organizations, their parents, availability and 2FA rule): when its relay read an outbox it then had drained.
-- Every replica reads how old the oldest partition's watermark is, against this database's clock: the clocks of
-- the relay's host and of this database must agree (NTP); a lagging one makes checks fail closed early.
create table feed_watermark (
    source          varchar(200) not null,
    kafka_partition integer      not null,
    produced_at     timestamptz  not null,
    primary key (source, kafka_partition)
);

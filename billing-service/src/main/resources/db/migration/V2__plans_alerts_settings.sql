-- plans, custom limits, billing settings, lifecycle, alert thresholds
alter table billing_account
    add column state                    varchar(20)  not null default 'ACTIVE',
    add column payment_method_type      varchar(20),
    add column payment_method_reference varchar(200),
    add column alert_thresholds         varchar(100) not null default '80,100',
    add column updated_at               timestamptz;
update billing_account set updated_at = created_at;
alter table billing_account alter column updated_at set not null;

alter table resource_quota add column custom boolean not null default false;
-- the tracked-only counter of active deployments (deletion preconditions)
insert into resource_quota (organization_id, resource, limit_value, used, custom)
    select organization_id, 'ACTIVE_DEPLOYMENTS', null, 0, false from billing_account
    on conflict do nothing;

-- who holds a reservation's units (a member's seat: user:<id>)
alter table reservation add column holder varchar(200);
update reservation set holder = idempotency_key;
alter table reservation alter column holder set not null;
create index reservation_holder on reservation (organization_id, holder) where state in ('HELD', 'COMMITTED');

create table usage_alert (
    id                uuid primary key,
    organization_id   uuid        not null references billing_account (organization_id) on delete cascade,
    resource          varchar(20) not null,
    threshold_percent int         not null check (threshold_percent between 1 and 100),
    used              bigint      not null,
    limit_value       bigint      not null,
    crossed_at        timestamptz not null,
    rearmed_at        timestamptz,
    email_sent_at     timestamptz
);
-- a threshold is crossed at most once until re-armed, whatever runs concurrently
create unique index usage_alert_armed on usage_alert (organization_id, resource, threshold_percent) where rearmed_at is null;
create index usage_alert_unsent on usage_alert (crossed_at) where email_sent_at is null;

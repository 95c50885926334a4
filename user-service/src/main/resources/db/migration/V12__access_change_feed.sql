-- The change feed every replica polls to keep its access view and API key registry in step with what is
-- committed (AccessChangeFeed). Row triggers write it, so no writer can forget it, and they fire after the row
-- lock: the change ids of one fact follow commit order, whatever the clocks say. tx_id is the writing
-- transaction's id: a poll reads from the oldest transaction still running at its previous poll, so nothing
-- committed late (with a lower id) is ever skipped.
create table access_change (
    id         bigserial   primary key,
    tx_id      bigint      not null default (pg_current_xact_id()::text::bigint),
    fact       varchar(40) not null,
    deleted    boolean     not null,
    "row"      jsonb       not null,
    changed_at timestamptz not null default now()
);
create index access_change_tx on access_change (tx_id);
create index access_change_age on access_change (changed_at);

-- one row per changed row of a table the check or the key verification rests on; the fact name is the argument
create function record_access_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into access_change (fact, deleted, "row") values (tg_argv[0], true, to_jsonb(old));
    else
        insert into access_change (fact, deleted, "row") values (tg_argv[0], false, to_jsonb(new));
    end if;
    return null;
end
$$;

create trigger membership_changed after insert or delete on membership
    for each row execute function record_access_change('membership');
create trigger membership_role_changed after update on membership
    for each row when (old.role is distinct from new.role) execute function record_access_change('membership');

-- only the suspension matters to the check, not the rest of a profile or a login
create trigger user_suspended after insert on user_profile
    for each row when (new.status = 'SUSPENDED') execute function record_access_change('suspension');
create trigger user_status_changed after update on user_profile
    for each row when (old.status is distinct from new.status) execute function record_access_change('suspension');
create trigger user_deleted after delete on user_profile
    for each row execute function record_access_change('suspension');

create trigger product_permission_changed after insert or update or delete on product_permission
    for each row execute function record_access_change('product_permission');

-- Each fact of an organization carries the sequence of the org-service event that last set it: an older event
-- (redelivered, re-driven from a dead-letter topic) changes nothing.
alter table organization_node
    add column parent_version       bigint not null default 0,
    add column availability_version bigint not null default 0,
    add column security_version     bigint not null default 0;

create trigger organization_changed after insert or delete on organization_node
    for each row execute function record_access_change('organization');
create trigger organization_facts_changed after update on organization_node
    for each row when (old.parent_id is distinct from new.parent_id or old.available is distinct from new.available
        or old.enforce_2fa is distinct from new.enforce_2fa) execute function record_access_change('organization');

-- Uses are added up, whichever replica counted them; counting and last-used times are not access facts.
alter table api_key add column use_count bigint not null default 0;

create trigger api_key_changed after insert or delete on api_key
    for each row execute function record_access_change('api_key');
create trigger api_key_state_changed after update on api_key
    for each row when (old.secret_hash is distinct from new.secret_hash or old.revoked_at is distinct from new.revoked_at
        or old.expires_at is distinct from new.expires_at or old.scopes is distinct from new.scopes
        or old.organization_id is distinct from new.organization_id or old.user_id is distinct from new.user_id)
    execute function record_access_change('api_key');

-- the sequence of the OrganizationSettingsChanged that last set the cap
alter table api_key_policy add column version bigint not null default 0;

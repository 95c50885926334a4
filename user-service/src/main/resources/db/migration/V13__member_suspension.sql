-- A member suspended in one organization is denied there and in its whole subtree, and keeps every other
-- organization. Disabling the account itself stays user_profile.status.
create table member_suspension (
    id              uuid primary key,
    organization_id uuid         not null,
    user_id         uuid         not null,
    reason          varchar(500) not null,
    suspended_by    uuid         not null,
    suspended_at    timestamptz  not null,
    unique (organization_id, user_id)
);
create index member_suspension_user on member_suspension (user_id);

create trigger member_suspension_changed after insert or update or delete on member_suspension
    for each row execute function record_access_change('member_suspension');

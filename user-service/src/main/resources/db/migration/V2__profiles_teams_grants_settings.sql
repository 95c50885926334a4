-- Profiles: what a user edits about themself, and why an admin suspended them.
alter table user_profile
    add column avatar_url     varchar(2000),
    add column timezone       varchar(64),
    add column language       varchar(35),
    add column status_reason  varchar(500);

-- Members are listed in creation order (keyset pagination) and found by user.
create index membership_page on membership (organization_id, created_at, id);

-- Teams are renamed under optimistic concurrency.
alter table team add column version bigint not null default 0;
create index team_member_user on team_member (user_id);

-- Rights on one product beyond a member's role, one row per permission.
create table product_permission (
    organization_id uuid         not null,
    user_id         uuid         not null,
    product_id      varchar(200) not null,
    permission      varchar(40)  not null,
    primary key (organization_id, user_id, product_id, permission)
);
create index product_permission_user on product_permission (user_id);

-- The organization's own "enforce 2FA" setting; the effective one is the strictest up the tree.
alter table organization_node add column enforce_2fa boolean not null default false;

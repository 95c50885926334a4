-- whether the invitation mail went out (a failed send keeps the invitation; an admin resends it)
alter table invitation add column delivery_state varchar(20) not null default 'SENT';
alter table invitation alter column delivery_state drop default;
-- who accepted, and when the invitation reached a final state
alter table invitation add column accepted_by uuid;
alter table invitation add column ended_at timestamptz;

-- the expiry job finds due pending invitations without a scan; the list pages by (created_at, id)
create index invitation_pending_expiry on invitation (expires_at) where state = 'PENDING';
drop index invitation_org_state;
create index invitation_org_created on invitation (organization_id, created_at desc, id desc);

-- organizations org-service scheduled for deletion (their invitations stop working) or purged
create table closed_organization (
    organization_id uuid primary key,
    state           varchar(30) not null,
    since           timestamptz not null
);

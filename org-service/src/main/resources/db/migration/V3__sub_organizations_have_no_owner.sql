-- A sub-organization is managed from above: only a root has an Owner. Its creator stays in created_by.
alter table organization alter column owner_id drop not null;
update organization set owner_id = null where parent_id is not null;

-- A sub-organization's type (one of org.sub-organizations.types, the first being the default); a root has none.
alter table organization add column type varchar(40);
update organization set type = 'client' where parent_id is not null;
create index organization_type on organization (root_id, type) where type is not null;

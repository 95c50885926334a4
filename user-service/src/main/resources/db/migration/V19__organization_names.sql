-- the organization's display name, from org-service's events: notifications name organizations by it
alter table organization_node add column display_name varchar(200);
alter table organization_node add column name_version bigint not null default 0;

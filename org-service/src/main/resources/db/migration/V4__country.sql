-- The country an organization is in (ISO 3166-1 alpha-2), asked at creation and shown; never used for routing
-- (the region decides where data lives).
alter table organization add column country varchar(2);

-- who caused an event and from where (for the audit log)
alter table outbox add column actor varchar(100);
alter table outbox add column source_address varchar(100);

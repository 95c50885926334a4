-- Attempts counted in fixed windows, shared by every replica: bad invitation tokens per client address, resends per
-- invitation and per organization. Old windows are deleted by RateWindowCleanupJob.
create table rate_window (
    key          varchar(200) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (key, window_start)
);
create index rate_window_start on rate_window (window_start);

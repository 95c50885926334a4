-- A person's UI preferences (theme, date and time formats, first page, dashboard panels) as a small JSON document;
-- null reads as the defaults.
alter table user_profile add column ui_preferences varchar(1000);

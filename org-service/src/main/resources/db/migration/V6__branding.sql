-- An organization's own branding; what holds for it is the nearest set up its tree (BrandingInheritance).
create table organization_branding (
    organization_id   uuid primary key references organization (id) on delete cascade,
    primary_color     varchar(7),
    mail_display_name varchar(100),
    logo              bytea,
    logo_media_type   varchar(40),
    logo_width        int,
    logo_height       int,
    logo_sha256       varchar(64),
    updated_at        timestamptz not null,
    version           bigint      not null
);

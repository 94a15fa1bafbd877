-- The ids of requests a platform delivered (Slack's event ids, a slash command's trigger id) that an
-- instance has taken, so that a retry, a replay or a second delivery is answered once, by any instance
-- and after a restart. Kept for the platform's retry window; expired rows may be taken again and are
-- deleted as new ids are written. The id is the platform's own (hashed when longer than 200 characters);
-- no user id and no text is stored.
create table platform_request_ids (
    platform   varchar(32)              not null,
    request_id varchar(200)             not null,
    expires_at timestamp with time zone not null,
    constraint platform_request_ids_pk primary key (platform, request_id)
);
create index platform_request_ids_expires_idx on platform_request_ids (expires_at);

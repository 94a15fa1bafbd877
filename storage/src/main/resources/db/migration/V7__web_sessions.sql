-- A retried command is the same user's: de-duplicate reflection answers per platform, user and request
-- id. The web chat's ids are chosen by the browser, so two members could send the same one; with the
-- old key (platform, request_id) the second member's answer was acknowledged and not stored.
alter table reflection_answers drop constraint reflection_answers_request_uq;
alter table reflection_answers add constraint reflection_answers_request_uq unique (platform, user_id, request_id);

-- Secrets the server makes for itself, one row per name (e.g. the key that signs the web chat's session
-- cookies), so that every instance on this database accepts what another issued. The first instance
-- that needs one inserts it; the others find the key taken and read it. Never logged.
create table server_secrets (
    name       varchar(64)              not null,
    secret     varchar(128)             not null,  -- base64 of 32 random bytes
    created_at timestamp with time zone not null,
    constraint server_secrets_pk primary key (name)
);

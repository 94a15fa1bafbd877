-- The last question of each conversation, for follow-ups ("hvem avgjør det?", "si mer"), kept a few
-- minutes so that a follow-up reaching another instance is understood. The key is a hash of the
-- platform, workspace, user, channel and thread: no platform ids and no reflection text are stored.
-- Expired rows are never read and are deleted as new turns are written.
create table dialogue_turns (
    conversation_key varchar(64)              not null,
    topic            varchar(1000)            not null,  -- DialogueMemory.Turn.MAX_TOPIC
    query            varchar(2000)            not null,  -- DialogueMemory.Turn.MAX_QUERY
    shown            varchar(8000)            not null,  -- passage ids, one per line, at most Turn.MAX_SHOWN
    outcome          varchar(16)              not null,
    expires_at       timestamp with time zone not null,
    constraint dialogue_turns_pk primary key (conversation_key),
    constraint dialogue_turns_outcome_ck check (outcome in ('SURE', 'UNSURE', 'NONE'))
);
create index dialogue_turns_expires_idx on dialogue_turns (expires_at);

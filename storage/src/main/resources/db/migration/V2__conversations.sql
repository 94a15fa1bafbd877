-- Conversations the bot can post to later (Teams conversation references), one row per platform and
-- conversation id; saving again replaces the reference. Plain types only, valid on H2 and PostgreSQL.
create table conversations (
    platform        varchar(32)              not null,
    conversation_id varchar(512)             not null,
    tenant          varchar(255)             not null,
    reference       varchar(16000)           not null,  -- ConversationStore.Conversation.MAX_REFERENCE
    updated_at      timestamp with time zone not null,
    constraint conversations_pk primary key (platform, conversation_id)
);
create index conversations_updated_idx on conversations (platform, updated_at);

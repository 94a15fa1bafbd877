-- What facilitators taught the bot: for a question (and questions like it), either the slide that
-- answers it (passage_id, "file#slide") or that the material does not answer it, with an optional
-- reply the bot gives instead. One row per question (question_key: SHA-256 of its words,
-- lower-cased and single-spaced); teaching it again replaces the row, undo deletes it. Never who asked.
create table taught_questions (
    question_key varchar(64)              not null,
    question     varchar(300)             not null,  -- Lesson.MAX_QUESTION
    passage_id   varchar(1100),
    reply        varchar(500),                       -- Lesson.MAX_REPLY
    taught_at    timestamp with time zone not null,
    constraint taught_questions_pk primary key (question_key),
    constraint taught_questions_kind_ck check ((passage_id is null) <> (reply is null))
);
create index taught_questions_taught_idx on taught_questions (taught_at);

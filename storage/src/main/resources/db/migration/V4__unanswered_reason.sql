-- The gap list tells declined questions (nothing in the material was close: NOT_FOUND) from those the
-- bot was unsure of (it offered the closest slides: UNSURE). Questions recorded before this were all
-- declined. Plain types only, valid on H2 (PostgreSQL mode) and PostgreSQL.
alter table unanswered_questions add column reason varchar(16) default 'NOT_FOUND' not null;
alter table unanswered_questions add constraint unanswered_questions_reason_ck
    check (reason in ('NOT_FOUND', 'UNSURE'));

-- The slides an unsure answer suggested, in the order they were offered (position from 0).
create table unanswered_suggestions (
    question_id bigint        not null,
    position    integer       not null,
    title       varchar(2000) not null,
    slide       integer       not null,
    source      varchar(1000) not null,
    constraint unanswered_suggestions_pk primary key (question_id, position),
    constraint unanswered_suggestions_question_fk foreign key (question_id)
        references unanswered_questions (id) on delete cascade,
    constraint unanswered_suggestions_slide_ck check (slide >= 1)
);

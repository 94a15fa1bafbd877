-- Retention (RETENTION_DAYS): the daily task deletes reflection answers older than the retention
-- period by answered_at. answer_feedback (given_at) and unanswered_questions (asked_at) have their
-- index on the time already (V1).
create index reflection_answers_answered_idx on reflection_answers (answered_at);

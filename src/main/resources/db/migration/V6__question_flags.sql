-- Members' reports of problems with questions: one per server, question and member.

CREATE TABLE question_flags (
    guild_id    bigint      NOT NULL,
    question_id text        NOT NULL,
    user_id     bigint      NOT NULL,
    reason      text        NOT NULL,  -- wrong-answer, unclear, typo, outdated, other
    note        text,
    flagged_at  timestamptz NOT NULL,
    PRIMARY KEY (guild_id, question_id, user_id)
);
CREATE INDEX question_flags_member ON question_flags (guild_id, user_id);

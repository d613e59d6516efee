-- Scores: every answer kept as a row, plus per-member totals maintained in the same transaction, so that
-- leaderboards and stats are SQL over indexes rather than a replay.

-- One id space for every event (answers, own ratings, reminder settings, forgets), as in the flat-file
-- journal: ids grow in the order events are committed by the store's writer and are never reused.
CREATE SEQUENCE event_ids;

CREATE TABLE answers (
    id            bigint      PRIMARY KEY,
    guild_id      bigint      NOT NULL,
    user_id       bigint      NOT NULL,
    question_id   text        NOT NULL,
    step          text        NOT NULL,
    difficulty    text        NOT NULL,
    question_type text        NOT NULL,
    correct       boolean     NOT NULL,
    self_grade    text,
    points        integer     NOT NULL CHECK (points >= 0),
    answered_at   timestamptz NOT NULL,
    elapsed_ms    bigint      CHECK (elapsed_ms >= 0),
    limit_ms      bigint      CHECK (limit_ms > 0),
    choice        integer     CHECK (choice >= 0),
    -- the epoch day in the guild's zone when recorded: the day the answer's streak counts
    streak_day    integer     NOT NULL
);
-- history and forget, per member
CREATE INDEX answers_by_member ON answers (guild_id, user_id, id);
-- today / week / month boards: scoring answers of a guild in a time window
CREATE INDEX answers_scoring_by_time ON answers (guild_id, answered_at) INCLUDE (user_id, step, points)
    WHERE points > 0;

-- All-time figures per member and guild: the all-time board and /stats.
CREATE TABLE member_scores (
    guild_id        bigint      NOT NULL,
    user_id         bigint      NOT NULL,
    points          bigint      NOT NULL,
    answered        integer     NOT NULL,
    correct         integer     NOT NULL,
    -- when the current all-time points were reached (the last scoring answer); null before the first
    reached_at      timestamptz,
    last_active     timestamptz NOT NULL,
    streak_last_day integer     NOT NULL,
    streak_current  integer     NOT NULL,
    streak_best     integer     NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX member_scores_board ON member_scores (guild_id, points DESC, reached_at, user_id) WHERE points > 0;

-- Per member, guild and roadmap step: /stats by step and the all-time board of one step.
CREATE TABLE member_steps (
    guild_id        bigint  NOT NULL,
    user_id         bigint  NOT NULL,
    step            text    NOT NULL,
    answered        integer NOT NULL,
    correct         integer NOT NULL,
    points          bigint  NOT NULL,
    first_answer_id bigint  NOT NULL,
    PRIMARY KEY (guild_id, user_id, step)
);
CREATE INDEX member_steps_board ON member_steps (guild_id, step, points DESC) WHERE points > 0;

-- Forgets, for the record of ids (the member's rows are deleted in the same transaction).
CREATE TABLE forgets (
    id         bigint      PRIMARY KEY,
    guild_id   bigint      NOT NULL,
    user_id    bigint      NOT NULL,
    forgot_at  timestamptz NOT NULL
);

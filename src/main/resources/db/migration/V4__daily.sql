-- The daily quizzes: schedules, each schedule's group state, each guild's rotation, and runs with their answers.

CREATE TABLE daily_schedules (
    guild_id       bigint      NOT NULL,
    channel_id     bigint      NOT NULL,
    start_time     time        NOT NULL,
    zone           text        NOT NULL,
    days           text[]      NOT NULL,  -- 'mon' .. 'sun'
    steps          text[]      NOT NULL,  -- empty: every step
    difficulty     text,                  -- null: any
    question_count integer     NOT NULL,
    ping_role      bigint,
    window_minutes integer     NOT NULL,
    group_minimum  integer     NOT NULL,
    report_day     text,
    set_by         bigint      NOT NULL,
    since          timestamptz NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE daily_groups (
    guild_id       bigint  NOT NULL,
    channel_id     bigint  NOT NULL,
    streak_current integer NOT NULL,
    streak_best    integer NOT NULL,
    streak_last    date,
    last_report    date,
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE daily_rotation (
    guild_id    bigint NOT NULL,
    question_id text   NOT NULL,
    PRIMARY KEY (guild_id, question_id)
);

CREATE TABLE daily_runs (
    id           text        PRIMARY KEY,  -- <guild>-<channel>-<yyyy-mm-dd>
    guild_id     bigint      NOT NULL,
    channel_id   bigint      NOT NULL,
    run_date     date        NOT NULL,
    question_ids text[]      NOT NULL,
    scheduled_at timestamptz NOT NULL,
    started_at   timestamptz NOT NULL,
    closes_at    timestamptz NOT NULL,
    late         boolean     NOT NULL,
    status       text        NOT NULL,
    failure      text
);

CREATE TABLE daily_run_answers (
    run_id      text        NOT NULL REFERENCES daily_runs (id) ON DELETE CASCADE,
    ordinal     integer     NOT NULL,  -- order received
    user_id     bigint      NOT NULL,
    position    integer     NOT NULL,
    question_id text        NOT NULL,
    step        text        NOT NULL,
    correct     boolean     NOT NULL,
    points      integer     NOT NULL,
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);
CREATE INDEX daily_run_answers_member ON daily_run_answers (user_id);

-- Coordination between bot processes sharing this database.

-- Who may do work that is not per guild (review reminders by DM): one owner at a time, until expires_at;
-- another process takes the row over once it has expired.
CREATE TABLE work_leases (
    name       text        PRIMARY KEY,
    owner      text        NOT NULL,
    expires_at timestamptz NOT NULL
);

-- A daily run's start, claimed before it is posted: the row's insert decides which process posts it,
-- so a start is posted at most once even when two processes believe they own the guild.
CREATE TABLE daily_run_claims (
    run_id     text        PRIMARY KEY,
    claimed_at timestamptz NOT NULL
);

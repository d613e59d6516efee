-- Members' suggested questions and their review, and where each server reviews them.

CREATE TABLE suggestions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    guild_id     bigint      NOT NULL,
    author_id    bigint      NOT NULL,  -- 0 once an approved suggestion's author was forgotten
    step         text        NOT NULL,
    pack_json    text        NOT NULL,  -- a pack of the one question, in the published schema
    status       text        NOT NULL,  -- open, approved, rejected
    reason       text        NOT NULL,  -- why it was rejected; empty otherwise
    suggested_at timestamptz NOT NULL,
    decided_at   timestamptz            -- null while open
);
CREATE INDEX suggestions_open ON suggestions (guild_id, suggested_at) WHERE status = 'open';
CREATE INDEX suggestions_author ON suggestions (author_id);

CREATE TABLE suggestion_channels (
    guild_id   bigint PRIMARY KEY,
    channel_id bigint NOT NULL
);

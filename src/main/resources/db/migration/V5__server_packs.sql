-- Servers' own question packs: one per server and step, the JSON kept exactly as it was uploaded.

CREATE TABLE server_packs (
    guild_id    bigint      NOT NULL,
    step        text        NOT NULL,
    pack_json   text        NOT NULL,
    imported_by bigint      NOT NULL,  -- 0 once that member's data was forgotten
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (guild_id, step)
);

-- A daily quiz draws from the shipped bank, the server's packs, or both (what every schedule before did).
ALTER TABLE daily_schedules ADD COLUMN source text NOT NULL DEFAULT 'both';

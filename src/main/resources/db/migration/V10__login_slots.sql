-- Discord's login limit across the bot's processes: one IDENTIFY per bucket (shard_id % max_concurrency)
-- every five seconds. A process reserves a bucket by moving its free_at forward when it has passed.
CREATE TABLE login_slots (
    bucket  integer     PRIMARY KEY,
    free_at timestamptz NOT NULL
);

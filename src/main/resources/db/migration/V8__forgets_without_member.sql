-- A forget keeps no trace of whom it erased: the record of a forget is its event id, guild and time only,
-- so that after /data forget or /me forget no row anywhere holds the member's user id.
ALTER TABLE forgets DROP COLUMN user_id;

-- Which members got their review reminder on which day (an epoch day in their guild's zone): at most one a day.
-- Rows of days long past are deleted as new claims are made, so little about a member outlives the day.
CREATE TABLE reminder_claims (
    guild_id bigint  NOT NULL,
    user_id  bigint  NOT NULL,
    day      integer NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX reminder_claims_day ON reminder_claims (day);

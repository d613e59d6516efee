-- Learning belongs to the person, wherever they answer: each user's review deck, seen questions and reminder
-- move from one set per guild to one set under guild_id 0 (MemberRef.PERSONAL, an id Discord never gives a
-- guild). Points, streaks and boards stay per guild. The merge rule is the flat file's (LearningStore):
--   cards:    per user and question, the card with the latest last_review wins; ties: the later due, then
--             the lower guild id;
--   seen:     a question answered in any guild;
--   right:    taken from the guild whose card won (false when that guild never answered it); a question with
--             no card anywhere was never missed, so it is right if it was right anywhere;
--   reminder: on if it was on in any guild.
-- Own ratings (reviews) keep the guild they were given in, as a record; the deck they built is the person's.

CREATE TEMPORARY TABLE won_cards ON COMMIT DROP AS
SELECT DISTINCT ON (user_id, question_id) guild_id, user_id, question_id
FROM review_cards
WHERE guild_id <> 0
ORDER BY user_id, question_id, last_review DESC, due DESC, guild_id;

INSERT INTO member_questions (guild_id, user_id, question_id, latest_right)
SELECT 0,
       q.user_id,
       q.question_id,
       CASE WHEN w.guild_id IS NULL THEN bool_or(q.latest_right)
            ELSE coalesce(bool_or(q.latest_right) FILTER (WHERE q.guild_id = w.guild_id), false) END
FROM member_questions q
LEFT JOIN won_cards w ON w.user_id = q.user_id AND w.question_id = q.question_id
WHERE q.guild_id <> 0
GROUP BY q.user_id, q.question_id, w.guild_id;

INSERT INTO review_cards (guild_id, user_id, question_id, state, learning_step, stability, difficulty, last_review,
                          due, reps, lapses)
SELECT 0, c.user_id, c.question_id, c.state, c.learning_step, c.stability, c.difficulty, c.last_review, c.due,
       c.reps, c.lapses
FROM review_cards c
JOIN won_cards w ON w.guild_id = c.guild_id AND w.user_id = c.user_id AND w.question_id = c.question_id;

INSERT INTO reminders (guild_id, user_id, event_id, set_at)
SELECT 0, user_id, max(event_id), max(set_at)
FROM reminders
WHERE guild_id <> 0
GROUP BY user_id;

DELETE FROM member_questions WHERE guild_id <> 0;
DELETE FROM review_cards WHERE guild_id <> 0;
DELETE FROM reminders WHERE guild_id <> 0;

-- The learning loop: seen questions, review decks, own ratings and the review reminder, per member and guild.

CREATE TABLE member_questions (
    guild_id    bigint  NOT NULL,
    user_id     bigint  NOT NULL,
    question_id text    NOT NULL,
    -- whether the latest answer to it was right
    latest_right boolean NOT NULL,
    PRIMARY KEY (guild_id, user_id, question_id)
);

CREATE TABLE review_cards (
    guild_id    bigint           NOT NULL,
    user_id     bigint           NOT NULL,
    question_id text             NOT NULL,
    state       text             NOT NULL,
    learning_step integer        NOT NULL,
    stability   double precision NOT NULL,
    difficulty  double precision NOT NULL,
    last_review timestamptz      NOT NULL,
    due         timestamptz      NOT NULL,
    reps        integer          NOT NULL,
    lapses      integer          NOT NULL,
    PRIMARY KEY (guild_id, user_id, question_id)
);
CREATE INDEX review_cards_due ON review_cards (guild_id, user_id, due);

-- A member's own ratings, as events (the deck above is their result).
CREATE TABLE reviews (
    id          bigint      PRIMARY KEY,
    guild_id    bigint      NOT NULL,
    user_id     bigint      NOT NULL,
    question_id text        NOT NULL,
    rating      text        NOT NULL,
    rated_at    timestamptz NOT NULL
);
CREATE INDEX reviews_by_member ON reviews (guild_id, user_id, id);

-- The review reminder: a row per member who switched it on; switching it off deletes the row.
CREATE TABLE reminders (
    guild_id  bigint      NOT NULL,
    user_id   bigint      NOT NULL,
    event_id  bigint      NOT NULL,
    set_at    timestamptz NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);

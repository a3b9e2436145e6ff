-- 2_reference-data.sql
--
-- Seeds the reference data every environment needs (design.md section 7): the nine trivia categories
-- and the first competitive season. Sample questions and catalog items are NOT here: they are local
-- development data and belong to the dev seed command.
--
-- Idempotent: ON CONFLICT DO NOTHING (no conflict target) skips a row that collides with any unique
-- constraint, so re-running leaves existing rows, including edited descriptions or display orders,
-- untouched. In particular the season row is skipped if another season is already active
-- (uq_seasons_single_active), instead of failing the deployment.
--
-- Season dates are UTC. 'winter-s1' runs from 2026-12-01 for three months, with the default 7 grace days.

-- Up Migration

INSERT INTO categories (name, slug, description, display_order, is_active) VALUES
    ('Science',           'science',           'Physics, chemistry, biology and the scientists behind them.', 1, true),
    ('History',           'history',           'Events, people and civilisations from the ancient world to today.', 2, true),
    ('Geography',         'geography',         'Countries, capitals, landmarks and the natural world map.', 3, true),
    ('Sports',            'sports',            'Games, athletes, records and championships.', 4, true),
    ('Arts & Literature', 'arts-literature',   'Painting, music, theatre, books and their authors.', 5, true),
    ('Entertainment',     'entertainment',     'Film, television, music charts and celebrities.', 6, true),
    ('Technology',        'technology',        'Computing, the internet, inventions and blockchain.', 7, true),
    ('Nature',            'nature',            'Animals, plants, ecosystems and the planet.', 8, true),
    ('Pop Culture',       'pop-culture',       'Trends, memes, games and the stories everyone talks about.', 9, true)
ON CONFLICT DO NOTHING;

INSERT INTO seasons (id, name, starts_at, ends_at, grace_days, is_active) VALUES
    ('winter-s1', 'Winter Season 1', '2026-12-01 00:00:00+00', '2027-03-01 00:00:00+00', 7, true)
ON CONFLICT DO NOTHING;

-- Down Migration

-- Removes exactly the rows above. A category or season that history already references (sessions,
-- eligibilities, NFTs, forges, snapshots) cannot be deleted (RESTRICT), so this fails rather than lose
-- data. Deleting a category also deletes its questions (fk_questions_category_id is ON DELETE CASCADE),
-- and deleting the season deletes its season_points (fk_season_points_season_id is ON DELETE CASCADE).
DELETE FROM seasons WHERE id = 'winter-s1';
DELETE FROM categories WHERE slug IN (
    'science', 'history', 'geography', 'sports', 'arts-literature',
    'entertainment', 'technology', 'nature', 'pop-culture'
);

-- PostgreSQL twin of 0004_exercises.sql: the same tables, indexes, views and rollups; SQLite's triggers as PL/pgSQL.
-- Blockly exercises (issue 4): the exercise as data, pupils' autosaved work, graded attempts' details.

-- The exercise's content: task (Markdown), toolbox, starting blocks, world, test cases, ideal block
-- count, hints and the reference solution, as one JSON document (see src/lib/server/exercises/spec.ts).
ALTER TABLE exercises ADD COLUMN spec TEXT NOT NULL DEFAULT '{}';
-- 1 when the reference solution passed every check on the server with the current spec.
ALTER TABLE exercises ADD COLUMN reference_passes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE exercises ADD COLUMN copied_from_id BIGINT REFERENCES exercises (id);

-- What the server recorded for each attempt (never what the browser claimed).
ALTER TABLE exercise_attempts ADD COLUMN workspace TEXT NOT NULL DEFAULT '{}';
ALTER TABLE exercise_attempts ADD COLUMN verdict TEXT NOT NULL DEFAULT '{}';
ALTER TABLE exercise_attempts ADD COLUMN block_count BIGINT NOT NULL DEFAULT 0;

-- The pupil's current work, autosaved; a save with a lower version never replaces a higher one.
CREATE TABLE exercise_work (
	exercise_id BIGINT NOT NULL REFERENCES exercises (id),
	pupil_id BIGINT NOT NULL REFERENCES users (id),
	version BIGINT NOT NULL,
	workspace TEXT NOT NULL,
	hints_used BIGINT NOT NULL DEFAULT 0,
	updated_at BIGINT NOT NULL,
	PRIMARY KEY (exercise_id, pupil_id)
);

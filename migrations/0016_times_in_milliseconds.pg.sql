-- Times are milliseconds since the epoch, which a 32-bit INTEGER cannot hold: the columns that were made
-- INTEGER on PostgreSQL become BIGINT. users.erased_at (0011) is set when a pupil is erased; 0012 and
-- 0013 had no twin, so PostgreSQL ran their SQLite text, whose INTEGER is 32-bit here.
ALTER TABLE users ALTER COLUMN erased_at TYPE BIGINT;
ALTER TABLE assignment_archives ALTER COLUMN archived_at TYPE BIGINT;
ALTER TABLE exercise_hint_views ALTER COLUMN created_at TYPE BIGINT;

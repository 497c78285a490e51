-- Times are milliseconds since the epoch. SQLite's INTEGER is 64-bit already: nothing to change here
-- (the PostgreSQL twin widens the columns that were made 32-bit INTEGERs there).
SELECT 1;

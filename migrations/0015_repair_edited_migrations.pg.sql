-- 0015 repairs SQLite pilots migrated before 0005, 0006 and 0008 were edited. PostgreSQL came later
-- (its twins were written from those files as they are now): nothing to repair here.
SELECT 1;

-- 0012–0014 ran as written on SQLite, whose INTEGER is 64-bit and whose INTEGER PRIMARY KEY numbers
-- itself: nothing to change here (the PostgreSQL twin repairs what PostgreSQL made of them).
SELECT 1;

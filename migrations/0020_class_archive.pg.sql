-- Issue 14: a teacher archives a class that no longer meets (it leaves this year's lists and stays
-- readable, with its pupils' work and the figures that count it).
ALTER TABLE classes ADD COLUMN archived_at BIGINT;

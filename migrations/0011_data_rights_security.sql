-- Issue 11: escalating pupil locks, staff first-password change, erased pupils.

-- How many times a key has been locked since its last successful sign-in (each lock is longer).
ALTER TABLE login_failures ADD COLUMN locks INTEGER NOT NULL DEFAULT 0;

-- Accounts created by the admin must choose their own password at first sign-in.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- When a pupil's identity was erased (a family's request, or the retention period): the row stays
-- so that anonymous facts (attempts, scores) still count, without a person.
ALTER TABLE users ADD COLUMN erased_at INTEGER;

-- The audit trail: one row per sensitive action, appended and never changed. Ids only: no secrets,
-- no children's names or birth dates. No foreign keys, so an entry outlives what it names.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL, -- ms since the epoch
	actor_id INTEGER, -- users.id; NULL for the server itself or an unknown user
	actor_role TEXT, -- 'admin', 'department', 'teacher', 'student' or 'system'
	action TEXT NOT NULL, -- e.g. 'auth.signin', 'pupil.update' (src/lib/server/audit/log.ts)
	target_type TEXT, -- e.g. 'user', 'class', 'team'
	target_id INTEGER,
	school_id INTEGER,
	address TEXT, -- the client's address as the server saw it
	detail TEXT -- small JSON object of ids, counts and codes; never names or secrets
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_school ON audit_log (school_id, at);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit entries cannot be changed');
END;

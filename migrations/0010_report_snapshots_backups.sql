-- One set of figures (issue 10): the dashboard's facts for a school year and period, taken as a whole and
-- replaced as a whole, in the database so every server process reads the same ones.
CREATE TABLE report_snapshots (
	id INTEGER PRIMARY KEY,
	school_year_id INTEGER NOT NULL,
	period TEXT NOT NULL, -- 'year', 's1' or 's2' (src/lib/server/reports/period.ts)
	taken_at INTEGER NOT NULL, -- ms since the epoch: the "as of" every page, export and report shows
	facts TEXT NOT NULL -- JSON: the roster and the classes every view of the period is cut from
);
CREATE INDEX report_snapshots_latest ON report_snapshots (school_year_id, period, taken_at);

-- A view's tables (breakdown, filters, language) as computed from one snapshot: the page, the export and
-- the printed report of that view read the same row. Removed with their snapshot.
CREATE TABLE report_snapshot_views (
	snapshot_id INTEGER NOT NULL REFERENCES report_snapshots (id) ON DELETE CASCADE,
	view_key TEXT NOT NULL,
	tables TEXT NOT NULL, -- JSON
	PRIMARY KEY (snapshot_id, view_key)
);

-- Who is computing something that only one process may compute at a time (a snapshot, a backup).
CREATE TABLE job_leases (
	name TEXT PRIMARY KEY,
	holder TEXT NOT NULL,
	expires_at INTEGER NOT NULL -- ms since the epoch; an expired lease may be taken over
);

-- Backups (issue 10): one row per attempt, for the administrator's home page.
CREATE TABLE backup_runs (
	id INTEGER PRIMARY KEY,
	started_at INTEGER NOT NULL,
	finished_at INTEGER,
	file TEXT, -- the archive's name under BACKUP_DIR
	bytes INTEGER,
	ok INTEGER NOT NULL DEFAULT 0,
	error TEXT -- why it failed, in plain words
);
CREATE INDEX backup_runs_started ON backup_runs (started_at);

-- Foundation: schools, school years, users, sessions, classes, rosters.
-- Times are stored as integer milliseconds since the epoch; calendar dates as 'YYYY-MM-DD' text.

CREATE TABLE schools (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	commune TEXT NOT NULL,
	level TEXT NOT NULL CHECK (level IN ('primary', 'lower_secondary', 'upper_secondary')),
	pilot_since TEXT NOT NULL, -- the date the school joined the pilot
	created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX schools_name ON schools (name);

CREATE TABLE school_years (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE, -- e.g. '2025–2026'
	starts_on TEXT NOT NULL,
	ends_on TEXT NOT NULL,
	is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1))
);
-- At most one current school year.
CREATE UNIQUE INDEX school_years_one_current ON school_years (is_current) WHERE is_current = 1;

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	role TEXT NOT NULL CHECK (role IN ('admin', 'department', 'teacher', 'student')),
	school_id INTEGER REFERENCES schools (id),
	username TEXT UNIQUE, -- staff only; pupils sign in through their class
	full_name TEXT NOT NULL, -- NFC
	password_hash TEXT, -- argon2id; never set for pupils
	disabled_at INTEGER,
	created_at INTEGER NOT NULL,
	CHECK (role <> 'teacher' OR school_id IS NOT NULL),
	CHECK (role <> 'student' OR school_id IS NOT NULL),
	CHECK (role = 'student' OR username IS NOT NULL)
);
CREATE INDEX users_school ON users (school_id, role);

CREATE TABLE sessions (
	id TEXT PRIMARY KEY, -- SHA-256 of the token, hex; the token itself is never stored
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-in attempts per key ('user:<name>', 'ip:<addr>', 'pupil:<id>'), for rate limiting.
CREATE TABLE login_failures (
	key TEXT PRIMARY KEY,
	failures INTEGER NOT NULL,
	window_start INTEGER NOT NULL,
	locked_until INTEGER
);

CREATE TABLE pupil_profiles (
	user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	gender TEXT CHECK (gender IN ('female', 'male')),
	birth_date TEXT, -- optional, sensitive
	ethnicity TEXT, -- optional, sensitive personal data
	-- A child's sign-in secret is printed on their login card, so it is kept readable
	-- (like Code.org's secret pictures); it is guarded by the class code and rate limiting.
	secret_kind TEXT NOT NULL CHECK (secret_kind IN ('pictures', 'words')),
	secret TEXT NOT NULL
);

CREATE TABLE classes (
	id INTEGER PRIMARY KEY,
	school_id INTEGER NOT NULL REFERENCES schools (id),
	school_year_id INTEGER NOT NULL REFERENCES school_years (id),
	grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
	name TEXT NOT NULL,
	join_code TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX classes_name ON classes (school_id, school_year_id, name);

CREATE TABLE class_teachers (
	class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
	teacher_id INTEGER NOT NULL REFERENCES users (id),
	PRIMARY KEY (class_id, teacher_id)
);
CREATE INDEX class_teachers_teacher ON class_teachers (teacher_id);

-- Enrolments keep history: moving a pupil ends one row and starts another.
CREATE TABLE enrolments (
	id INTEGER PRIMARY KEY,
	class_id INTEGER NOT NULL REFERENCES classes (id),
	pupil_id INTEGER NOT NULL REFERENCES users (id),
	started_on TEXT NOT NULL,
	ended_on TEXT
);
CREATE INDEX enrolments_class ON enrolments (class_id) WHERE ended_on IS NULL;
CREATE INDEX enrolments_pupil ON enrolments (pupil_id);
-- A pupil is in at most one class at a time.
CREATE UNIQUE INDEX enrolments_one_current ON enrolments (pupil_id) WHERE ended_on IS NULL;

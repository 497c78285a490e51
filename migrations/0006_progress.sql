-- Progress and the pilot's evaluation: the teachers' plan of STEM lessons, rollups of pupils' work
-- kept up to date by triggers (so the department's dashboard never scans the attempts), and the
-- attitude surveys (pre and post windows, anonymous in every report).
-- Semesters: an attempt made from August to December counts to semester 1, January to July to semester 2.

-- How many STEM lessons a class should get in a semester: set by its teacher; dosage is measured against it.
CREATE TABLE progress_lesson_plans (
	class_id INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
	semester INTEGER NOT NULL CHECK (semester IN (1, 2)),
	planned_lessons INTEGER NOT NULL CHECK (planned_lessons BETWEEN 0 AND 200),
	updated_by INTEGER REFERENCES users (id),
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (class_id, semester)
);

-- Attempts summed per class, semester, concept and the pupil's gender and ethnicity at the time
-- ('' when not given). Additive only: the department's mastery indicators read this, never the attempts.
CREATE TABLE progress_mastery_rollup (
	class_id INTEGER NOT NULL,
	semester INTEGER NOT NULL,
	concept TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	passed INTEGER NOT NULL,
	stars INTEGER NOT NULL, -- stars summed over passed attempts
	hints INTEGER NOT NULL,
	PRIMARY KEY (class_id, semester, concept, gender, ethnicity)
) WITHOUT ROWID;

-- The same per class, semester and concept only: what every breakdown but gender and ethnicity reads
-- (ten times fewer rows at province scale).
CREATE TABLE progress_mastery_class (
	class_id INTEGER NOT NULL,
	semester INTEGER NOT NULL,
	concept TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	passed INTEGER NOT NULL,
	stars INTEGER NOT NULL,
	hints INTEGER NOT NULL,
	PRIMARY KEY (class_id, semester, concept)
) WITHOUT ROWID;

-- A pupil's latest activity (an attempt or a sign-in), for "active in the last 30 days".
CREATE TABLE progress_pupil_activity (
	pupil_id INTEGER PRIMARY KEY,
	last_at INTEGER NOT NULL,
	last_week TEXT NOT NULL DEFAULT '' -- the Monday of the last week counted in progress_weekly_active
);
CREATE INDEX progress_pupil_activity_last ON progress_pupil_activity (last_at);

-- Distinct pupils with at least one attempt per class and week (weeks start on Monday).
-- Counted when a pupil's first attempt of a later week arrives, so attempts must arrive in time order
-- per pupil, as they do when pupils work.
CREATE TABLE progress_weekly_active (
	week TEXT NOT NULL,
	class_id INTEGER NOT NULL,
	pupils INTEGER NOT NULL,
	PRIMARY KEY (week, class_id)
) WITHOUT ROWID;

CREATE TRIGGER progress_attempt_rollup AFTER INSERT ON exercise_attempts
WHEN NEW.class_id IS NOT NULL
BEGIN
	INSERT INTO progress_mastery_rollup (class_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
	SELECT NEW.class_id,
		CASE WHEN CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch') AS INTEGER) >= 8 THEN 1 ELSE 2 END,
		e.concept, COALESCE(p.gender, ''), COALESCE(p.ethnicity, ''),
		1, NEW.passed, CASE WHEN NEW.passed = 1 THEN NEW.stars ELSE 0 END, NEW.hints_used
	FROM exercises e LEFT JOIN pupil_profiles p ON p.user_id = NEW.pupil_id
	WHERE e.id = NEW.exercise_id
	ON CONFLICT (class_id, semester, concept, gender, ethnicity) DO UPDATE SET
		attempts = attempts + 1, passed = passed + excluded.passed, stars = stars + excluded.stars, hints = hints + excluded.hints;

	INSERT INTO progress_mastery_class (class_id, semester, concept, attempts, passed, stars, hints)
	SELECT NEW.class_id,
		CASE WHEN CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch') AS INTEGER) >= 8 THEN 1 ELSE 2 END,
		e.concept, 1, NEW.passed, CASE WHEN NEW.passed = 1 THEN NEW.stars ELSE 0 END, NEW.hints_used
	FROM exercises e WHERE e.id = NEW.exercise_id
	ON CONFLICT (class_id, semester, concept) DO UPDATE SET
		attempts = attempts + 1, passed = passed + excluded.passed, stars = stars + excluded.stars, hints = hints + excluded.hints;

	INSERT INTO progress_weekly_active (week, class_id, pupils)
	SELECT date(NEW.created_at / 1000, 'unixepoch', '-6 days', 'weekday 1'), NEW.class_id, 1
	WHERE NOT EXISTS (
		SELECT 1 FROM progress_pupil_activity a
		WHERE a.pupil_id = NEW.pupil_id AND a.last_week >= date(NEW.created_at / 1000, 'unixepoch', '-6 days', 'weekday 1')
	)
	ON CONFLICT (week, class_id) DO UPDATE SET pupils = pupils + 1;

	INSERT INTO progress_pupil_activity (pupil_id, last_at, last_week)
	VALUES (NEW.pupil_id, NEW.created_at, date(NEW.created_at / 1000, 'unixepoch', '-6 days', 'weekday 1'))
	ON CONFLICT (pupil_id) DO UPDATE SET last_at = max(last_at, excluded.last_at), last_week = max(last_week, excluded.last_week);
END;

-- Teacher adoption counts each teacher's lessons taught.
CREATE INDEX progress_lesson_teachings_teacher ON lesson_teachings (teacher_id, taught_on);

-- A pupil's sign-in counts as activity too (a session lasts 30 days, so it began 30 days before it expires).
CREATE TRIGGER progress_session_activity AFTER INSERT ON sessions
BEGIN
	INSERT INTO progress_pupil_activity (pupil_id, last_at)
	SELECT NEW.user_id, NEW.expires_at - 30 * 86400000 FROM users WHERE id = NEW.user_id AND role = 'student'
	ON CONFLICT (pupil_id) DO UPDATE SET last_at = max(last_at, excluded.last_at);
END;

-- Attitude surveys: forms of 5-point agree/disagree items grouped into scales, written by the department.
CREATE TABLE survey_forms (
	id INTEGER PRIMARY KEY,
	audience TEXT NOT NULL UNIQUE CHECK (audience IN ('pupil_primary', 'pupil_secondary', 'teacher')),
	title TEXT NOT NULL,
	updated_at INTEGER NOT NULL
);

CREATE TABLE survey_items (
	id INTEGER PRIMARY KEY,
	form_id INTEGER NOT NULL REFERENCES survey_forms (id) ON DELETE CASCADE,
	scale TEXT NOT NULL CHECK (scale IN ('maths', 'science', 'engineering', 'skills', 'careers', 'efficacy', 'practices')),
	position INTEGER NOT NULL,
	text TEXT NOT NULL,
	reversed INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1)), -- "I am not good at maths": scored 6 - value
	archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE INDEX survey_items_form ON survey_items (form_id, position);

-- A window in which chosen schools answer a form: 'pre' at the start of the pilot year, 'post' at its end.
CREATE TABLE survey_windows (
	id INTEGER PRIMARY KEY,
	form_id INTEGER NOT NULL REFERENCES survey_forms (id),
	school_year_id INTEGER NOT NULL REFERENCES school_years (id),
	phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
	opens_on TEXT NOT NULL,
	closes_on TEXT NOT NULL,
	created_by INTEGER REFERENCES users (id),
	created_at INTEGER NOT NULL,
	CHECK (closes_on >= opens_on)
);

CREATE TABLE survey_window_schools (
	window_id INTEGER NOT NULL REFERENCES survey_windows (id) ON DELETE CASCADE,
	school_id INTEGER NOT NULL REFERENCES schools (id),
	PRIMARY KEY (window_id, school_id)
);

-- One response per person and window. The groups it counts in are copied at submission, so results
-- never need the respondent again; reports show aggregates of at least 10 responses only.
CREATE TABLE survey_responses (
	id INTEGER PRIMARY KEY,
	window_id INTEGER NOT NULL REFERENCES survey_windows (id),
	respondent_id INTEGER NOT NULL REFERENCES users (id),
	school_id INTEGER NOT NULL REFERENCES schools (id),
	class_id INTEGER REFERENCES classes (id),
	grade INTEGER,
	gender TEXT NOT NULL DEFAULT '',
	ethnicity TEXT NOT NULL DEFAULT '',
	submitted_at INTEGER NOT NULL,
	UNIQUE (window_id, respondent_id)
);
CREATE INDEX survey_responses_window ON survey_responses (window_id, school_id);

CREATE TABLE survey_answers (
	response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
	item_id INTEGER NOT NULL REFERENCES survey_items (id),
	value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
	PRIMARY KEY (response_id, item_id)
) WITHOUT ROWID;

-- Each response's mean per scale (reversed items turned round), computed once at submission.
CREATE TABLE survey_scale_scores (
	response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
	scale TEXT NOT NULL,
	score REAL NOT NULL,
	PRIMARY KEY (response_id, scale)
) WITHOUT ROWID;

-- Scale scores summed per window, school, grade, gender, ethnicity and scale (count, sum, sum of squares:
-- enough for the mean and the spread), so province-wide results never read every response.
CREATE TABLE survey_results_rollup (
	window_id INTEGER NOT NULL,
	school_id INTEGER NOT NULL,
	grade INTEGER NOT NULL, -- 0 for teachers
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	scale TEXT NOT NULL,
	n INTEGER NOT NULL,
	total REAL NOT NULL,
	sq REAL NOT NULL,
	PRIMARY KEY (window_id, school_id, grade, gender, ethnicity, scale)
) WITHOUT ROWID;

CREATE TRIGGER survey_scale_rollup AFTER INSERT ON survey_scale_scores
BEGIN
	INSERT INTO survey_results_rollup (window_id, school_id, grade, gender, ethnicity, scale, n, total, sq)
	SELECT r.window_id, r.school_id, COALESCE(r.grade, 0), r.gender, r.ethnicity, NEW.scale, 1, NEW.score, NEW.score * NEW.score
	FROM survey_responses r WHERE r.id = NEW.response_id
	ON CONFLICT (window_id, school_id, grade, gender, ethnicity, scale) DO UPDATE SET
		n = n + 1, total = total + excluded.total, sq = sq + excluded.sq;
END;

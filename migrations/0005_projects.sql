-- Assignments (exercise sets and STEM team projects), team portfolios, rubric reviews, the showcase.
-- Times are integer milliseconds; opening and due dates are 'YYYY-MM-DD' in Vietnam's time (UTC+7).

-- A teacher's reusable rubric: criteria × levels, kept as JSON ({title, description, levels: [{descriptor, points}]}[]).
CREATE TABLE rubrics (
	id INTEGER PRIMARY KEY,
	school_id INTEGER NOT NULL REFERENCES schools (id),
	owner_id INTEGER NOT NULL REFERENCES users (id),
	title TEXT NOT NULL,
	criteria_json TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX rubrics_school ON rubrics (school_id);

CREATE TABLE assignments (
	id INTEGER PRIMARY KEY,
	school_id INTEGER NOT NULL REFERENCES schools (id),
	teacher_id INTEGER NOT NULL REFERENCES users (id),
	kind TEXT NOT NULL CHECK (kind IN ('exercises', 'project')),
	title TEXT NOT NULL,
	instructions TEXT NOT NULL DEFAULT '',
	lesson_id INTEGER REFERENCES lessons (id), -- a project made from a library lesson; NULL for the teacher's own
	process TEXT CHECK (process IN ('engineering', 'inquiry')),
	-- The rubric as it was when assigned (copied, so later edits of the reusable rubric change nothing here).
	rubric_json TEXT,
	opens_on TEXT NOT NULL,
	due_on TEXT NOT NULL,
	closed_at INTEGER, -- a closed project takes no more changes from pupils
	created_at INTEGER NOT NULL,
	CHECK (due_on >= opens_on)
);
CREATE INDEX assignments_teacher ON assignments (teacher_id);

-- Who the work is for: a whole class (pupil_id NULL, later arrivals included) or chosen pupils of a class.
CREATE TABLE assignment_targets (
	id INTEGER PRIMARY KEY,
	assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
	class_id INTEGER NOT NULL REFERENCES classes (id),
	pupil_id INTEGER REFERENCES users (id)
);
CREATE INDEX assignment_targets_assignment ON assignment_targets (assignment_id);
CREATE INDEX assignment_targets_class ON assignment_targets (class_id);
CREATE INDEX assignment_targets_pupil ON assignment_targets (pupil_id);

CREATE TABLE assignment_exercises (
	assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	exercise_id INTEGER NOT NULL REFERENCES exercises (id),
	PRIMARY KEY (assignment_id, position)
);

-- A project's steps, copied from its lesson's process when created, so the project stands alone.
CREATE TABLE project_steps (
	assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	key TEXT NOT NULL,
	label TEXT NOT NULL,
	PRIMARY KEY (assignment_id, position)
);
CREATE UNIQUE INDEX project_steps_key ON project_steps (assignment_id, key);

CREATE TABLE teams (
	id INTEGER PRIMARY KEY,
	assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
	class_id INTEGER NOT NULL REFERENCES classes (id),
	name TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX teams_assignment ON teams (assignment_id);

CREATE TABLE team_members (
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
	pupil_id INTEGER NOT NULL REFERENCES users (id),
	PRIMARY KEY (team_id, pupil_id)
);
-- A pupil is in at most one team of a project.
CREATE UNIQUE INDEX team_members_one_team ON team_members (assignment_id, pupil_id);

CREATE TABLE portfolio_entries (
	id INTEGER PRIMARY KEY,
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	step_key TEXT NOT NULL,
	author_id INTEGER NOT NULL REFERENCES users (id),
	body_md TEXT NOT NULL,
	body_html TEXT NOT NULL, -- sanitized on the server when written
	created_at INTEGER NOT NULL
);
CREATE INDEX portfolio_entries_team ON portfolio_entries (team_id, step_key);

-- Photos, re-encoded to WebP without metadata; the files live under UPLOADS_PATH, never in static/.
CREATE TABLE portfolio_photos (
	id INTEGER PRIMARY KEY,
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	step_key TEXT NOT NULL,
	author_id INTEGER NOT NULL REFERENCES users (id),
	client_key TEXT, -- the browser's id of an upload, so a retried upload is stored once
	caption TEXT NOT NULL DEFAULT '',
	stored_name TEXT NOT NULL UNIQUE,
	width INTEGER NOT NULL,
	height INTEGER NOT NULL,
	bytes INTEGER NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX portfolio_photos_team ON portfolio_photos (team_id, step_key);
CREATE UNIQUE INDEX portfolio_photos_client_key ON portfolio_photos (team_id, client_key) WHERE client_key IS NOT NULL;

-- Other files (a PDF report, a spreadsheet of measurements), kept byte for byte and only ever
-- downloaded as attachments, never shown inline; not part of the public showcase.
CREATE TABLE portfolio_files (
	id INTEGER PRIMARY KEY,
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	step_key TEXT NOT NULL,
	author_id INTEGER NOT NULL REFERENCES users (id),
	name TEXT NOT NULL, -- the checked original name, for the download
	kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'xlsx', 'pptx', 'txt', 'csv')),
	stored_name TEXT NOT NULL UNIQUE,
	bytes INTEGER NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX portfolio_files_team ON portfolio_files (team_id, step_key);

CREATE TABLE reflections (
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	step_key TEXT NOT NULL,
	pupil_id INTEGER NOT NULL REFERENCES users (id),
	body TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (team_id, step_key, pupil_id)
);

-- A team hands in one step (step_key) or the whole project (step_key NULL).
CREATE TABLE submissions (
	id INTEGER PRIMARY KEY,
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	step_key TEXT,
	submitted_by INTEGER NOT NULL REFERENCES users (id),
	submitted_at INTEGER NOT NULL
);
CREATE INDEX submissions_team ON submissions (team_id, submitted_at);

-- Every review is kept (the history); returned_at is when the pupils could read it.
CREATE TABLE reviews (
	id INTEGER PRIMARY KEY,
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	reviewer_id INTEGER NOT NULL REFERENCES users (id),
	feedback TEXT NOT NULL DEFAULT '',
	total REAL NOT NULL,
	max_total REAL NOT NULL,
	returned_at INTEGER NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX reviews_team ON reviews (team_id, created_at);

-- The team's score per criterion, plus a row per pupil whose score the teacher adjusted.
CREATE TABLE review_scores (
	review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
	criterion INTEGER NOT NULL, -- position in the project's rubric
	criterion_title TEXT NOT NULL,
	pupil_id INTEGER REFERENCES users (id), -- NULL: the team's score
	points REAL NOT NULL,
	max_points REAL NOT NULL
);
CREATE INDEX review_scores_review ON review_scores (review_id);

-- The showcase: proposed by a teacher, public only while every member's consent stands.
CREATE TABLE showcase_entries (
	team_id INTEGER PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
	proposed_by INTEGER NOT NULL REFERENCES users (id),
	proposed_at INTEGER NOT NULL,
	featured_by INTEGER REFERENCES users (id),
	featured_at INTEGER
);

-- Who recorded that the parent and the pupil agreed to publication, and when; withdrawal is kept too.
CREATE TABLE showcase_consents (
	id INTEGER PRIMARY KEY,
	team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	pupil_id INTEGER NOT NULL REFERENCES users (id),
	parent_agreed INTEGER NOT NULL CHECK (parent_agreed IN (0, 1)),
	pupil_agreed INTEGER NOT NULL CHECK (pupil_agreed IN (0, 1)),
	recorded_by INTEGER NOT NULL REFERENCES users (id),
	recorded_at INTEGER NOT NULL,
	withdrawn_by INTEGER REFERENCES users (id),
	withdrawn_at INTEGER
);
CREATE INDEX showcase_consents_team ON showcase_consents (team_id, pupil_id);

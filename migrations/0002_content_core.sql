-- The core of the pilot's content, which several domains read: lessons and their teaching log,
-- Blockly exercises and pupils' attempts. Each domain adds its own details in later migrations.

CREATE TABLE lessons (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL, -- NFC; the current version's title
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published', 'archived')),
	form TEXT NOT NULL DEFAULT 'lesson' CHECK (form IN ('lesson', 'experience', 'research')),
	process TEXT NOT NULL DEFAULT 'engineering' CHECK (process IN ('engineering', 'inquiry')),
	author_id INTEGER REFERENCES users (id),
	school_id INTEGER REFERENCES schools (id), -- the author's school; NULL for the department's lessons
	copied_from_id INTEGER REFERENCES lessons (id), -- a teacher's adaptation of a library lesson
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX lessons_status ON lessons (status);
CREATE INDEX lessons_author ON lessons (author_id);

CREATE TABLE lesson_grades (
	lesson_id INTEGER NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
	grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
	PRIMARY KEY (lesson_id, grade)
);

-- "Taught to class X on date D, N periods": what the evaluation counts as dosage.
CREATE TABLE lesson_teachings (
	id INTEGER PRIMARY KEY,
	lesson_id INTEGER NOT NULL REFERENCES lessons (id),
	class_id INTEGER NOT NULL REFERENCES classes (id),
	teacher_id INTEGER NOT NULL REFERENCES users (id),
	taught_on TEXT NOT NULL,
	periods INTEGER NOT NULL CHECK (periods BETWEEN 1 AND 20),
	note TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL
);
CREATE INDEX lesson_teachings_class ON lesson_teachings (class_id, taught_on);

CREATE TABLE exercises (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('io', 'turtle', 'maze', 'sensor')),
	grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
	concept TEXT NOT NULL CHECK (concept IN ('sequence', 'loops', 'conditions', 'variables', 'functions')),
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
	author_id INTEGER REFERENCES users (id),
	school_id INTEGER REFERENCES schools (id), -- NULL for the pilot's shared exercises
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX exercises_filter ON exercises (status, grade, kind, concept);

-- Every graded run a pupil submits; the verdict is the server's, never the browser's.
CREATE TABLE exercise_attempts (
	id INTEGER PRIMARY KEY,
	exercise_id INTEGER NOT NULL REFERENCES exercises (id),
	pupil_id INTEGER NOT NULL REFERENCES users (id),
	class_id INTEGER REFERENCES classes (id), -- the pupil's class when they tried
	passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
	stars INTEGER NOT NULL CHECK (stars BETWEEN 0 AND 3),
	hints_used INTEGER NOT NULL DEFAULT 0,
	time_spent_ms INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL
);
CREATE INDEX exercise_attempts_pupil ON exercise_attempts (pupil_id, exercise_id);
CREATE INDEX exercise_attempts_exercise ON exercise_attempts (exercise_id);
CREATE INDEX exercise_attempts_class ON exercise_attempts (class_id, created_at);

-- Courses (issue 15): the pilot's Blockly path. A course (grade 3; grades 4–5; 6–7; 8–9) is an ordered
-- list of lessons; a lesson is 5–10 exercises on one concept (introduced, practised, stretched).
-- Exercises stay rows of `exercises`; a course lesson lists them in order. Seeded from
-- src/lib/server/seed/courses/ (see src/lib/server/courses/courses.ts for the shape).

CREATE TABLE courses (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE, -- stable name used by the seed and in URLs (e.g. 'lop-3')
	title TEXT NOT NULL,
	grade_from INTEGER NOT NULL CHECK (grade_from BETWEEN 1 AND 12),
	grade_to INTEGER NOT NULL CHECK (grade_to BETWEEN 1 AND 12),
	position INTEGER NOT NULL,
	summary TEXT NOT NULL DEFAULT '',
	CHECK (grade_to >= grade_from)
);

-- concept is finer than exercises.concept: it also names nested loops, events, lists and debugging.
CREATE TABLE course_lessons (
	id INTEGER PRIMARY KEY,
	course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	concept TEXT NOT NULL CHECK (concept IN ('sequence', 'loops', 'nested_loops', 'events', 'conditions',
		'variables', 'functions', 'lists', 'debugging')),
	summary TEXT NOT NULL DEFAULT '',
	-- The STEM lesson this course lesson prepares (e.g. the flood-alarm puzzles before "Còi báo lũ Kỳ Cùng").
	stem_lesson_id INTEGER REFERENCES lessons (id) ON DELETE SET NULL,
	UNIQUE (course_id, position),
	UNIQUE (course_id, slug)
);

CREATE TABLE course_lesson_exercises (
	course_lesson_id INTEGER NOT NULL REFERENCES course_lessons (id) ON DELETE CASCADE,
	exercise_id INTEGER NOT NULL REFERENCES exercises (id),
	position INTEGER NOT NULL,
	PRIMARY KEY (course_lesson_id, position),
	UNIQUE (exercise_id) -- an exercise belongs to one place of one course at most
);

-- Hints in steps (nudge → strategy → answer): each one a pupil opened, once per step.
CREATE TABLE exercise_hint_views (
	exercise_id INTEGER NOT NULL REFERENCES exercises (id),
	pupil_id INTEGER NOT NULL REFERENCES users (id),
	step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 10),
	created_at INTEGER NOT NULL,
	PRIMARY KEY (exercise_id, pupil_id, step)
);

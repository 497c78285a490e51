-- A teacher's week (issue 14): assignments that can change.
-- A later due date for chosen pupils (the class's due date stays on the assignment).
CREATE TABLE assignment_extensions (
	assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
	pupil_id INTEGER NOT NULL REFERENCES users (id),
	due_on TEXT NOT NULL,
	PRIMARY KEY (assignment_id, pupil_id)
);

-- An assignment with work, put away: off the pupils' lists and the teacher's panel, still readable
-- and still counted in the figures.
CREATE TABLE assignment_archives (
	assignment_id INTEGER PRIMARY KEY REFERENCES assignments (id) ON DELETE CASCADE,
	archived_by INTEGER NOT NULL REFERENCES users (id),
	archived_at INTEGER NOT NULL
);

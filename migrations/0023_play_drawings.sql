-- Issue 17: free play ("Sân chơi"). A pupil's drawings on the turtle canvas: a name, the workspace (screened
-- as exercises' are) and the strokes the server drew by running it (never an SVG from the browser).
-- Shared with the class it was in when shared; its teachers may hide it (and show it again).
CREATE TABLE play_drawings (
	id INTEGER PRIMARY KEY,
	pupil_id INTEGER NOT NULL REFERENCES users (id),
	name TEXT NOT NULL,
	workspace TEXT NOT NULL,
	segments TEXT NOT NULL DEFAULT '[]',
	shared_class_id INTEGER REFERENCES classes (id),
	shared_at INTEGER,
	hidden_at INTEGER,
	hidden_by INTEGER REFERENCES users (id),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX play_drawings_pupil ON play_drawings (pupil_id, updated_at);
CREATE INDEX play_drawings_class ON play_drawings (shared_class_id, shared_at);

-- Issue 15: built-in content kept up to date (see 0026_builtin_content.sql); the same table.
CREATE TABLE builtin_content (
	kind TEXT NOT NULL CHECK (kind IN ('lesson', 'exercise')),
	item_key TEXT NOT NULL, -- the lesson's file name; the exercise's course, lesson and title
	record_id BIGINT NOT NULL, -- lessons.id or exercises.id
	source_hash TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	synced_at BIGINT NOT NULL,
	PRIMARY KEY (kind, item_key)
);

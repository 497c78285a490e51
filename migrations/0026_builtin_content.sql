-- Issue 15: a pilot seeded by an earlier version of the app receives the built-in lessons and exercises
-- added or rewritten since (content/sync.ts, at start-up). Which lesson or exercise each built-in item
-- became, the hash of the item it was last written from (unchanged: nothing to do) and the hash of the
-- content written then: a row whose content still has that hash was edited by nobody and may take a newer
-- text; one whose content differs was edited and is left alone ('' : never ours to change).
CREATE TABLE builtin_content (
	kind TEXT NOT NULL CHECK (kind IN ('lesson', 'exercise')),
	item_key TEXT NOT NULL, -- the lesson's file name; the exercise's course, lesson and title
	record_id INTEGER NOT NULL, -- lessons.id or exercises.id
	source_hash TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	synced_at INTEGER NOT NULL,
	PRIMARY KEY (kind, item_key)
);

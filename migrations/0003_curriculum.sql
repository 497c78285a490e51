-- Curriculum: the lesson plans' content, kept as versions. lessons (0002) stays the index row that
-- other domains read; its title/status/form/process mirror the current version.

-- Every field of a lesson plan, as JSON (see src/lib/server/curriculum/types.ts). A draft is edited
-- in place; an edit of a published lesson makes a new version, so copies keep pointing at theirs.
CREATE TABLE lesson_versions (
	id INTEGER PRIMARY KEY,
	lesson_id INTEGER NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
	number INTEGER NOT NULL,
	content TEXT NOT NULL,
	author_id INTEGER REFERENCES users (id),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (lesson_id, number)
);

ALTER TABLE lessons ADD COLUMN current_version_id INTEGER REFERENCES lesson_versions (id);
ALTER TABLE lessons ADD COLUMN copied_from_version_id INTEGER REFERENCES lesson_versions (id);
ALTER TABLE lessons ADD COLUMN periods INTEGER NOT NULL DEFAULT 1;

-- The current version's subjects, for the library's filter.
CREATE TABLE lesson_subjects (
	lesson_id INTEGER NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
	subject TEXT NOT NULL,
	PRIMARY KEY (lesson_id, subject)
);
CREATE INDEX lesson_subjects_subject ON lesson_subjects (subject);

-- Full-text search over the current version, stored folded (no case, no diacritics, đ → d) so that
-- "dong co dien" finds "động cơ điện". rowid = lessons.id; kept in step by the domain code on each save.
CREATE VIRTUAL TABLE lesson_search USING fts5 (
	title,
	aims,
	activities,
	tokenize = 'unicode61 remove_diacritics 2'
);

-- Submissions and the department's decisions, with their comments.
CREATE TABLE lesson_reviews (
	id INTEGER PRIMARY KEY,
	lesson_id INTEGER NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
	version_id INTEGER NOT NULL REFERENCES lesson_versions (id),
	user_id INTEGER NOT NULL REFERENCES users (id),
	action TEXT NOT NULL CHECK (action IN ('submitted', 'approved', 'returned', 'archived')),
	comment TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL
);
CREATE INDEX lesson_reviews_lesson ON lesson_reviews (lesson_id, created_at);

-- The editor's autosaved work in progress, one per lesson and user, until they save it.
CREATE TABLE lesson_drafts (
	lesson_id INTEGER NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
	user_id INTEGER NOT NULL REFERENCES users (id),
	content TEXT NOT NULL,
	saved_at INTEGER NOT NULL,
	PRIMARY KEY (lesson_id, user_id)
);

-- Images and PDF handouts attached to a lesson; the bytes live under UPLOADS_PATH.
CREATE TABLE lesson_files (
	id INTEGER PRIMARY KEY,
	lesson_id INTEGER NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('image', 'pdf')),
	name TEXT NOT NULL,
	stored_as TEXT NOT NULL,
	bytes INTEGER NOT NULL,
	uploaded_by INTEGER NOT NULL REFERENCES users (id),
	created_at INTEGER NOT NULL
);
CREATE INDEX lesson_files_lesson ON lesson_files (lesson_id);

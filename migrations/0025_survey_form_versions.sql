-- Issue 15: a new version of a survey form is a new form. A form whose items are locked (a window has
-- answers) is replaced by a copy the department may edit; the old one keeps its windows, answers and
-- results. So an audience may have several forms (versions 1, 2, …), one of them current (replaced_at
-- NULL), which new windows use.
--
-- SQLite cannot drop the inline UNIQUE (audience) of 0006: the table is rebuilt. The migrator runs every
-- migration with foreign keys off and checks them afterwards (PRAGMA foreign_key_check), so dropping the
-- old table deletes nothing in survey_items (ON DELETE CASCADE); with legacy_alter_table the rename leaves
-- the children's REFERENCES survey_forms as they are, and they name the new table.
PRAGMA legacy_alter_table = ON;
ALTER TABLE survey_forms RENAME TO survey_forms_old;
CREATE TABLE survey_forms (
	id INTEGER PRIMARY KEY,
	audience TEXT NOT NULL CHECK (audience IN ('pupil_primary', 'pupil_secondary', 'teacher')),
	title TEXT NOT NULL,
	updated_at INTEGER NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	replaced_at INTEGER, -- when a newer version replaced it; NULL: the audience's current form
	UNIQUE (audience, version)
);
INSERT INTO survey_forms (id, audience, title, updated_at) SELECT id, audience, title, updated_at FROM survey_forms_old;
DROP TABLE survey_forms_old;
PRAGMA legacy_alter_table = OFF;
-- One current form per audience.
CREATE UNIQUE INDEX survey_forms_current ON survey_forms (audience) WHERE replaced_at IS NULL;

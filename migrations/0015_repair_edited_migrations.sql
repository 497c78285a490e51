-- Repair for pilots migrated before 0005, 0006 and 0008 were edited (they were changed after they had
-- landed, before migrations were checksummed). Such a database lacks what the edits added: the portfolio
-- files table, the mastery rollups per class and per school, the survey results rollup, the project
-- figures per school, and the newer bodies of two triggers. This creates what is missing with the
-- texts of those files as they are now, replaces the two triggers, and recomputes the rollups from the
-- rows they sum, so an upgraded pilot ends as a fresh database would. On a database that already had
-- them it changes nothing but the rollups' recomputed sums.

-- 0005: portfolio files.

CREATE TABLE IF NOT EXISTS portfolio_files (
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
CREATE INDEX IF NOT EXISTS portfolio_files_team ON portfolio_files (team_id, step_key);

-- 0006: mastery per class, with the attempt trigger that keeps it; the teachers' lessons index;
-- survey results.
CREATE TABLE IF NOT EXISTS progress_mastery_class (
	class_id INTEGER NOT NULL,
	semester INTEGER NOT NULL,
	concept TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	passed INTEGER NOT NULL,
	stars INTEGER NOT NULL,
	hints INTEGER NOT NULL,
	PRIMARY KEY (class_id, semester, concept)
) WITHOUT ROWID;
DROP TRIGGER IF EXISTS progress_attempt_rollup;
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
CREATE INDEX IF NOT EXISTS progress_lesson_teachings_teacher ON lesson_teachings (teacher_id, taught_on);
CREATE TABLE IF NOT EXISTS survey_results_rollup (
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
DROP TRIGGER IF EXISTS survey_scale_rollup;
CREATE TRIGGER survey_scale_rollup AFTER INSERT ON survey_scale_scores
BEGIN
	INSERT INTO survey_results_rollup (window_id, school_id, grade, gender, ethnicity, scale, n, total, sq)
	SELECT r.window_id, r.school_id, COALESCE(r.grade, 0), r.gender, r.ethnicity, NEW.scale, 1, NEW.score, NEW.score * NEW.score
	FROM survey_responses r WHERE r.id = NEW.response_id
	ON CONFLICT (window_id, school_id, grade, gender, ethnicity, scale) DO UPDATE SET
		n = n + 1, total = total + excluded.total, sq = sq + excluded.sq;
END;

-- 0008: mastery per school and its trigger; project figures per school, kept by the recompute trigger.
CREATE TABLE IF NOT EXISTS progress_mastery_school (
	school_id INTEGER NOT NULL,
	school_year_id INTEGER NOT NULL,
	semester INTEGER NOT NULL,
	concept TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	attempts INTEGER NOT NULL,
	passed INTEGER NOT NULL,
	stars INTEGER NOT NULL,
	hints INTEGER NOT NULL,
	PRIMARY KEY (school_year_id, school_id, semester, concept, gender, ethnicity)
) WITHOUT ROWID;
DROP TRIGGER IF EXISTS progress_attempt_school;
CREATE TRIGGER progress_attempt_school AFTER INSERT ON exercise_attempts
WHEN NEW.class_id IS NOT NULL
BEGIN
	INSERT INTO progress_mastery_school (school_id, school_year_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
	SELECT c.school_id, c.school_year_id,
		CASE WHEN CAST(strftime('%m', NEW.created_at / 1000, 'unixepoch') AS INTEGER) >= 8 THEN 1 ELSE 2 END,
		e.concept, COALESCE(p.gender, ''), COALESCE(p.ethnicity, ''),
		1, NEW.passed, CASE WHEN NEW.passed = 1 THEN NEW.stars ELSE 0 END, NEW.hints_used
	FROM classes c JOIN exercises e ON e.id = NEW.exercise_id LEFT JOIN pupil_profiles p ON p.user_id = NEW.pupil_id
	WHERE c.id = NEW.class_id
	ON CONFLICT (school_year_id, school_id, semester, concept, gender, ethnicity) DO UPDATE SET
		attempts = attempts + 1, passed = passed + excluded.passed, stars = stars + excluded.stars, hints = hints + excluded.hints;
END;
CREATE TABLE IF NOT EXISTS progress_quality_school_scores (
	school_id INTEGER NOT NULL,
	school_year_id INTEGER NOT NULL,
	period TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	criterion INTEGER NOT NULL,
	title TEXT NOT NULL,
	n INTEGER NOT NULL,
	pct REAL NOT NULL,
	PRIMARY KEY (school_year_id, school_id, period, gender, ethnicity, criterion, title)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS progress_quality_school_members (
	school_id INTEGER NOT NULL,
	school_year_id INTEGER NOT NULL,
	period TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	pupils INTEGER NOT NULL,
	teams INTEGER NOT NULL,
	PRIMARY KEY (school_year_id, school_id, period, gender, ethnicity)
) WITHOUT ROWID;
DROP TRIGGER IF EXISTS progress_project_recompute;
CREATE TRIGGER progress_project_recompute AFTER INSERT ON progress_project_changes
BEGIN
	DELETE FROM progress_quality_scores WHERE class_id = NEW.class_id;
	INSERT INTO progress_quality_scores (class_id, period, gender, ethnicity, criterion, title, n, pct)
	SELECT class_id, period, gender, ethnicity, criterion, title, n, pct FROM progress_quality_scores_v WHERE class_id = NEW.class_id;
	DELETE FROM progress_quality_members WHERE class_id = NEW.class_id;
	INSERT INTO progress_quality_members (class_id, period, gender, ethnicity, pupils, teams)
	SELECT class_id, period, gender, ethnicity, pupils, teams FROM progress_quality_members_v WHERE class_id = NEW.class_id;
	DELETE FROM progress_quality_school_scores
	WHERE (school_id, school_year_id) = (SELECT school_id, school_year_id FROM classes WHERE id = NEW.class_id);
	INSERT INTO progress_quality_school_scores (school_id, school_year_id, period, gender, ethnicity, criterion, title, n, pct)
	SELECT c.school_id, c.school_year_id, q.period, q.gender, q.ethnicity, q.criterion, q.title, SUM(q.n), SUM(q.pct)
	FROM classes c JOIN progress_quality_scores q ON q.class_id = c.id
	WHERE (c.school_id, c.school_year_id) = (SELECT school_id, school_year_id FROM classes WHERE id = NEW.class_id)
		AND NOT (q.gender = '*' AND q.ethnicity = '*')
	GROUP BY 1, 2, 3, 4, 5, 6, 7;
	DELETE FROM progress_quality_school_members
	WHERE (school_id, school_year_id) = (SELECT school_id, school_year_id FROM classes WHERE id = NEW.class_id);
	INSERT INTO progress_quality_school_members (school_id, school_year_id, period, gender, ethnicity, pupils, teams)
	SELECT c.school_id, c.school_year_id, q.period, q.gender, q.ethnicity, SUM(q.pupils), SUM(q.teams)
	FROM classes c JOIN progress_quality_members q ON q.class_id = c.id
	WHERE (c.school_id, c.school_year_id) = (SELECT school_id, school_year_id FROM classes WHERE id = NEW.class_id)
		AND NOT (q.gender = '*' AND q.ethnicity = '*')
	GROUP BY 1, 2, 3, 4, 5;
	DELETE FROM progress_team_steps WHERE class_id = NEW.class_id;
	INSERT INTO progress_team_steps (team_id, class_id, due_on, complete)
	SELECT team_id, class_id, due_on, complete FROM progress_team_steps_v WHERE class_id = NEW.class_id;
	DELETE FROM progress_project_changes WHERE rowid = NEW.rowid;
END;

-- The rollups, recomputed from what they sum.
DELETE FROM progress_mastery_class;
INSERT INTO progress_mastery_class (class_id, semester, concept, attempts, passed, stars, hints)
SELECT class_id, semester, concept, SUM(attempts), SUM(passed), SUM(stars), SUM(hints)
FROM progress_mastery_rollup GROUP BY 1, 2, 3;

DELETE FROM progress_mastery_school;
INSERT INTO progress_mastery_school (school_id, school_year_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
SELECT c.school_id, c.school_year_id, r.semester, r.concept, r.gender, r.ethnicity, SUM(r.attempts), SUM(r.passed), SUM(r.stars), SUM(r.hints)
FROM progress_mastery_rollup r JOIN classes c ON c.id = r.class_id
GROUP BY 1, 2, 3, 4, 5, 6;

DELETE FROM survey_results_rollup;
INSERT INTO survey_results_rollup (window_id, school_id, grade, gender, ethnicity, scale, n, total, sq)
SELECT r.window_id, r.school_id, COALESCE(r.grade, 0), r.gender, r.ethnicity, s.scale, COUNT(*), SUM(s.score), SUM(s.score * s.score)
FROM survey_scale_scores s JOIN survey_responses r ON r.id = s.response_id
GROUP BY 1, 2, 3, 4, 5, 6;

DELETE FROM progress_quality_school_scores;
INSERT INTO progress_quality_school_scores (school_id, school_year_id, period, gender, ethnicity, criterion, title, n, pct)
SELECT c.school_id, c.school_year_id, q.period, q.gender, q.ethnicity, q.criterion, q.title, SUM(q.n), SUM(q.pct)
FROM classes c JOIN progress_quality_scores q ON q.class_id = c.id
WHERE NOT (q.gender = '*' AND q.ethnicity = '*')
GROUP BY 1, 2, 3, 4, 5, 6, 7;

DELETE FROM progress_quality_school_members;
INSERT INTO progress_quality_school_members (school_id, school_year_id, period, gender, ethnicity, pupils, teams)
SELECT c.school_id, c.school_year_id, q.period, q.gender, q.ethnicity, SUM(q.pupils), SUM(q.teams)
FROM classes c JOIN progress_quality_members q ON q.class_id = c.id
WHERE NOT (q.gender = '*' AND q.ethnicity = '*')
GROUP BY 1, 2, 3, 4, 5;

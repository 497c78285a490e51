-- PostgreSQL twin of 0008_dashboard_rollups.sql: the same tables, indexes, views and rollups; SQLite's triggers as PL/pgSQL.
-- Rollups that keep the department's dashboard off the big tables at province scale (issue 6's budget:
-- every dashboard page within 500 ms while pupils keep saving). On the synthetic province (6 million
-- attempts, 60,000 reviews) the project-quality indicator took 1.1–1.4 s to compute from the reviews,
-- "teams that handed in every step" 0.17 s, and the breakdowns by gender and ethnicity summed some
-- 100,000 per-class rows each: now the reviews and hand-ins are summed per class (and per school for
-- those two breakdowns) as they arrive, and a page reads a few thousand rows (10–30 ms per table).

-- The periods of each school year, bounded exactly as the dashboard's filters bound them
-- (reports/scope.ts): the year from its first to its last day, semester 1 to 31 December, semester 2
-- from 1 January; [from_ms, to_ms) in milliseconds, UTC.
CREATE VIEW progress_periods AS
	SELECT id AS school_year_id, 'year' AS period, mam_day_ms(starts_on) AS from_ms, mam_day_ms(ends_on) + 86400000 AS to_ms
	FROM school_years
	UNION ALL
	SELECT id, 's1', mam_day_ms(starts_on), mam_day_ms(substr(starts_on, 1, 4) || '-12-31') + 86400000
	FROM school_years
	UNION ALL
	SELECT id, 's2', mam_day_ms(lpad((CAST(substr(starts_on, 1, 4) AS BIGINT) + 1)::text, 4, '0') || '-01-01'), mam_day_ms(ends_on) + 86400000
	FROM school_years;

-- A pupil's latest activity (an attempt or a sign-in) within each period: "active in the last 30 days"
-- of a period that has ended counts back from the period's end, not from today.
CREATE TABLE progress_period_activity (
	pupil_id BIGINT NOT NULL,
	school_year_id BIGINT NOT NULL,
	period TEXT NOT NULL,
	last_at BIGINT NOT NULL,
	PRIMARY KEY (pupil_id, school_year_id, period)
);

CREATE FUNCTION progress_attempt_period_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.class_id IS NOT NULL THEN
		INSERT INTO progress_period_activity (pupil_id, school_year_id, period, last_at)
		SELECT NEW.pupil_id, p.school_year_id, p.period, NEW.created_at FROM progress_periods p
		WHERE NEW.created_at >= p.from_ms AND NEW.created_at < p.to_ms
		ON CONFLICT (pupil_id, school_year_id, period) DO UPDATE SET last_at = GREATEST(progress_period_activity.last_at, excluded.last_at);
	END IF;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_attempt_period_activity AFTER INSERT ON exercise_attempts
FOR EACH ROW EXECUTE FUNCTION progress_attempt_period_activity();

-- A sign-in, as progress_session_activity of 0006 reads it (a session lasts 30 days from its start).
CREATE FUNCTION progress_session_period_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_period_activity (pupil_id, school_year_id, period, last_at)
	SELECT NEW.user_id, p.school_year_id, p.period, NEW.expires_at - 30 * CAST(86400000 AS BIGINT)
	FROM progress_periods p JOIN users u ON u.id = NEW.user_id AND u.role = 'student'
	WHERE NEW.expires_at - 30 * CAST(86400000 AS BIGINT) >= p.from_ms AND NEW.expires_at - 30 * CAST(86400000 AS BIGINT) < p.to_ms
	ON CONFLICT (pupil_id, school_year_id, period) DO UPDATE SET last_at = GREATEST(progress_period_activity.last_at, excluded.last_at);
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_session_period_activity AFTER INSERT ON sessions
FOR EACH ROW EXECUTE FUNCTION progress_session_period_activity();

INSERT INTO progress_period_activity (pupil_id, school_year_id, period, last_at)
SELECT a.pupil_id, p.school_year_id, p.period, MAX(a.created_at)
FROM exercise_attempts a JOIN progress_periods p ON a.created_at >= p.from_ms AND a.created_at < p.to_ms
WHERE a.class_id IS NOT NULL
GROUP BY 1, 2, 3;

-- Sign-ins before this migration are known only as each pupil's latest activity.
INSERT INTO progress_period_activity (pupil_id, school_year_id, period, last_at)
SELECT x.pupil_id, p.school_year_id, p.period, x.last_at
FROM progress_pupil_activity x JOIN progress_periods p ON x.last_at >= p.from_ms AND x.last_at < p.to_ms
WHERE true
ON CONFLICT (pupil_id, school_year_id, period) DO UPDATE SET last_at = GREATEST(progress_period_activity.last_at, excluded.last_at);

-- Attempts per school (rather than per class) and the pupil's gender and ethnicity: what the mastery
-- breakdowns by gender and ethnicity read above a single class (a tenth of the rows of
-- progress_mastery_rollup at province scale). Semesters as in 0006.
CREATE TABLE progress_mastery_school (
	school_id BIGINT NOT NULL,
	school_year_id BIGINT NOT NULL,
	semester BIGINT NOT NULL,
	concept TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	attempts BIGINT NOT NULL,
	passed BIGINT NOT NULL,
	stars BIGINT NOT NULL,
	hints BIGINT NOT NULL,
	PRIMARY KEY (school_year_id, school_id, semester, concept, gender, ethnicity)
);

CREATE FUNCTION progress_attempt_school() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.class_id IS NOT NULL THEN
		INSERT INTO progress_mastery_school (school_id, school_year_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
		SELECT c.school_id, c.school_year_id,
			mam_semester(NEW.created_at),
			e.concept, COALESCE(p.gender, ''), COALESCE(p.ethnicity, ''),
			1, NEW.passed, CASE WHEN NEW.passed = 1 THEN NEW.stars ELSE 0 END, NEW.hints_used
		FROM classes c JOIN exercises e ON e.id = NEW.exercise_id LEFT JOIN pupil_profiles p ON p.user_id = NEW.pupil_id
		WHERE c.id = NEW.class_id
		ON CONFLICT (school_year_id, school_id, semester, concept, gender, ethnicity) DO UPDATE SET
			attempts = progress_mastery_school.attempts + 1, passed = progress_mastery_school.passed + excluded.passed, stars = progress_mastery_school.stars + excluded.stars, hints = progress_mastery_school.hints + excluded.hints;
	END IF;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_attempt_school AFTER INSERT ON exercise_attempts
FOR EACH ROW EXECUTE FUNCTION progress_attempt_school();

INSERT INTO progress_mastery_school (school_id, school_year_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
SELECT c.school_id, c.school_year_id, r.semester, r.concept, r.gender, r.ethnicity, SUM(r.attempts), SUM(r.passed), SUM(r.stars), SUM(r.hints)
FROM progress_mastery_rollup r JOIN classes c ON c.id = r.class_id
GROUP BY 1, 2, 3, 4, 5, 6;

-- Projects, per class -----------------------------------------------------------------------------

CREATE INDEX teams_class ON teams (class_id);

-- The latest review of each team within each period of its class's school year: the one the
-- project-quality indicator scores (an earlier review of the same period was replaced by it).
CREATE VIEW progress_latest_reviews AS
	SELECT t.class_id, p.period, r.team_id, r.id AS review_id
	FROM teams t
	JOIN classes c ON c.id = t.class_id
	JOIN progress_periods p ON p.school_year_id = c.school_year_id
	JOIN reviews r ON r.team_id = t.id AND r.created_at >= p.from_ms AND r.created_at < p.to_ms
	WHERE NOT EXISTS (
		SELECT 1 FROM reviews r2
		WHERE r2.team_id = r.team_id AND r2.created_at >= p.from_ms AND r2.created_at < p.to_ms
			AND (r2.created_at > r.created_at OR (r2.created_at = r.created_at AND r2.id > r.id))
	);

-- The members of each reviewed team, with their gender and ethnicity ('' when not given).
CREATE VIEW progress_reviewed_members AS
	SELECT l.class_id, l.period, l.team_id, l.review_id, tm.pupil_id,
		COALESCE(g.gender, '') AS gender, COALESCE(g.ethnicity, '') AS ethnicity
	FROM progress_latest_reviews l
	JOIN team_members tm ON tm.team_id = l.team_id
	LEFT JOIN pupil_profiles g ON g.user_id = tm.pupil_id;

-- Each member's score per criterion, in per cent of the criterion's maximum (rubrics differ in
-- points): the teacher's adjustment for that pupil, or else the team's score.
CREATE VIEW progress_member_scores AS
	SELECT m.class_id, m.period, m.gender, m.ethnicity, rs.criterion, rs.criterion_title AS title,
		100.0 * COALESCE(ps.points, rs.points) / rs.max_points AS pct
	FROM progress_reviewed_members m
	JOIN review_scores rs ON rs.review_id = m.review_id AND rs.pupil_id IS NULL AND rs.max_points > 0
	LEFT JOIN review_scores ps ON ps.review_id = m.review_id AND ps.pupil_id = m.pupil_id AND ps.criterion = rs.criterion;

-- Scores summed per class, period, criterion and group of members: the rows with ethnicity '*' are per
-- gender, those with gender '*' per ethnicity, and those with both '*' the class's totals (read by every
-- breakdown but those two). Teams have members of several groups, so each breakdown has its own rows.
CREATE TABLE progress_quality_scores (
	class_id BIGINT NOT NULL,
	period TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	criterion BIGINT NOT NULL,
	title TEXT NOT NULL,
	n BIGINT NOT NULL,
	pct DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (class_id, period, gender, ethnicity, criterion, title)
);

CREATE VIEW progress_quality_scores_v AS
	SELECT class_id, period, gender, '*' AS ethnicity, criterion, title, COUNT(*) AS n, SUM(pct) AS pct
	FROM progress_member_scores GROUP BY class_id, period, gender, criterion, title
	UNION ALL
	SELECT class_id, period, '*', ethnicity, criterion, title, COUNT(*), SUM(pct)
	FROM progress_member_scores GROUP BY class_id, period, ethnicity, criterion, title
	UNION ALL
	SELECT class_id, period, '*', '*', criterion, title, COUNT(*), SUM(pct)
	FROM progress_member_scores GROUP BY class_id, period, criterion, title;

-- Distinct reviewed pupils and teams per class, period and group of members, grouped as above.
CREATE TABLE progress_quality_members (
	class_id BIGINT NOT NULL,
	period TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	pupils BIGINT NOT NULL,
	teams BIGINT NOT NULL,
	PRIMARY KEY (class_id, period, gender, ethnicity)
);

CREATE VIEW progress_quality_members_v AS
	SELECT class_id, period, gender, '*' AS ethnicity, COUNT(DISTINCT pupil_id) AS pupils, COUNT(DISTINCT team_id) AS teams
	FROM progress_reviewed_members GROUP BY class_id, period, gender
	UNION ALL
	SELECT class_id, period, '*', ethnicity, COUNT(DISTINCT pupil_id), COUNT(DISTINCT team_id)
	FROM progress_reviewed_members GROUP BY class_id, period, ethnicity
	UNION ALL
	SELECT class_id, period, '*', '*', COUNT(DISTINCT pupil_id), COUNT(DISTINCT team_id)
	FROM progress_reviewed_members GROUP BY class_id, period;

-- The rows per gender and per ethnicity summed per school: what those breakdowns read above a single
-- class (a fifteenth of the rows). Kept with the classes' rows by the recompute below.
CREATE TABLE progress_quality_school_scores (
	school_id BIGINT NOT NULL,
	school_year_id BIGINT NOT NULL,
	period TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	criterion BIGINT NOT NULL,
	title TEXT NOT NULL,
	n BIGINT NOT NULL,
	pct DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (school_year_id, school_id, period, gender, ethnicity, criterion, title)
);

CREATE TABLE progress_quality_school_members (
	school_id BIGINT NOT NULL,
	school_year_id BIGINT NOT NULL,
	period TEXT NOT NULL,
	gender TEXT NOT NULL,
	ethnicity TEXT NOT NULL,
	pupils BIGINT NOT NULL,
	teams BIGINT NOT NULL,
	PRIMARY KEY (school_year_id, school_id, period, gender, ethnicity)
);

-- Each project team, its project's due date (the period it counts in) and whether it handed in every
-- step of the project's process.
CREATE TABLE progress_team_steps (
	team_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	class_id BIGINT NOT NULL,
	due_on TEXT NOT NULL,
	complete BIGINT NOT NULL
);
CREATE INDEX progress_team_steps_class ON progress_team_steps (class_id, due_on);

CREATE VIEW progress_team_steps_v AS
	SELECT t.id AS team_id, t.class_id, a.due_on,
		CASE WHEN EXISTS (SELECT 1 FROM project_steps ps WHERE ps.assignment_id = a.id)
			AND NOT EXISTS (SELECT 1 FROM project_steps ps WHERE ps.assignment_id = a.id
				AND NOT EXISTS (SELECT 1 FROM submissions sb WHERE sb.team_id = t.id AND sb.step_key = ps.key))
		THEN 1 ELSE 0 END AS complete
	FROM teams t JOIN assignments a ON a.id = t.assignment_id
	WHERE a.kind = 'project';

-- A class whose project figures changed. Every change to its teams, members, steps, hand-ins or
-- reviews inserts a row here; the trigger recomputes the class's rows (a class has a dozen teams) and
-- its school's, a few milliseconds, and removes the row. Bulk loads may drop the trigger, let rows gather,
-- and recompute those classes at the end (scripts/seed-province.js does).
CREATE TABLE progress_project_changes (class_id BIGINT NOT NULL);

CREATE FUNCTION progress_project_recompute() RETURNS trigger LANGUAGE plpgsql AS $$
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
	DELETE FROM progress_project_changes WHERE class_id = NEW.class_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_recompute AFTER INSERT ON progress_project_changes
FOR EACH ROW EXECUTE FUNCTION progress_project_recompute();

CREATE FUNCTION progress_project_teams_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) VALUES (NEW.class_id);
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_teams_ins AFTER INSERT ON teams
FOR EACH ROW EXECUTE FUNCTION progress_project_teams_ins();
CREATE FUNCTION progress_project_teams_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) VALUES (OLD.class_id);
	INSERT INTO progress_project_changes (class_id) SELECT NEW.class_id WHERE NEW.class_id <> OLD.class_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_teams_upd AFTER UPDATE OF class_id, assignment_id ON teams
FOR EACH ROW EXECUTE FUNCTION progress_project_teams_upd();
CREATE FUNCTION progress_project_teams_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) VALUES (OLD.class_id);
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_teams_del AFTER DELETE ON teams
FOR EACH ROW EXECUTE FUNCTION progress_project_teams_del();

CREATE FUNCTION progress_project_members_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT class_id FROM teams WHERE id = NEW.team_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_members_ins AFTER INSERT ON team_members
FOR EACH ROW EXECUTE FUNCTION progress_project_members_ins();
CREATE FUNCTION progress_project_members_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT class_id FROM teams WHERE id = OLD.team_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_members_del AFTER DELETE ON team_members
FOR EACH ROW EXECUTE FUNCTION progress_project_members_del();

CREATE FUNCTION progress_project_submissions_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT class_id FROM teams WHERE id = NEW.team_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_submissions_ins AFTER INSERT ON submissions
FOR EACH ROW EXECUTE FUNCTION progress_project_submissions_ins();
CREATE FUNCTION progress_project_submissions_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT class_id FROM teams WHERE id = OLD.team_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_submissions_del AFTER DELETE ON submissions
FOR EACH ROW EXECUTE FUNCTION progress_project_submissions_del();

CREATE FUNCTION progress_project_reviews_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT class_id FROM teams WHERE id = NEW.team_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_reviews_ins AFTER INSERT ON reviews
FOR EACH ROW EXECUTE FUNCTION progress_project_reviews_ins();
CREATE FUNCTION progress_project_reviews_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT class_id FROM teams WHERE id IN (OLD.team_id, NEW.team_id);
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_reviews_upd AFTER UPDATE OF team_id, created_at ON reviews
FOR EACH ROW EXECUTE FUNCTION progress_project_reviews_upd();
CREATE FUNCTION progress_project_reviews_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT class_id FROM teams WHERE id = OLD.team_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_reviews_del AFTER DELETE ON reviews
FOR EACH ROW EXECUTE FUNCTION progress_project_reviews_del();

CREATE FUNCTION progress_project_scores_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id)
	SELECT t.class_id FROM reviews r JOIN teams t ON t.id = r.team_id WHERE r.id = NEW.review_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_scores_ins AFTER INSERT ON review_scores
FOR EACH ROW EXECUTE FUNCTION progress_project_scores_ins();
CREATE FUNCTION progress_project_scores_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id)
	SELECT DISTINCT t.class_id FROM reviews r JOIN teams t ON t.id = r.team_id WHERE r.id IN (OLD.review_id, NEW.review_id);
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_scores_upd AFTER UPDATE ON review_scores
FOR EACH ROW EXECUTE FUNCTION progress_project_scores_upd();
CREATE FUNCTION progress_project_scores_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id)
	SELECT t.class_id FROM reviews r JOIN teams t ON t.id = r.team_id WHERE r.id = OLD.review_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_scores_del AFTER DELETE ON review_scores
FOR EACH ROW EXECUTE FUNCTION progress_project_scores_del();

CREATE FUNCTION progress_project_steps_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT DISTINCT class_id FROM teams WHERE assignment_id = NEW.assignment_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_steps_ins AFTER INSERT ON project_steps
FOR EACH ROW EXECUTE FUNCTION progress_project_steps_ins();
CREATE FUNCTION progress_project_steps_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT DISTINCT class_id FROM teams WHERE assignment_id = OLD.assignment_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_steps_del AFTER DELETE ON project_steps
FOR EACH ROW EXECUTE FUNCTION progress_project_steps_del();
CREATE FUNCTION progress_project_steps_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT DISTINCT class_id FROM teams WHERE assignment_id = NEW.assignment_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_steps_upd AFTER UPDATE OF key ON project_steps
FOR EACH ROW EXECUTE FUNCTION progress_project_steps_upd();

CREATE FUNCTION progress_project_assignments_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT DISTINCT class_id FROM teams WHERE assignment_id = NEW.id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_assignments_upd AFTER UPDATE OF kind, due_on ON assignments
FOR EACH ROW EXECUTE FUNCTION progress_project_assignments_upd();

CREATE FUNCTION progress_project_profiles_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id)
	SELECT DISTINCT t.class_id FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.pupil_id = NEW.user_id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_profiles_upd AFTER UPDATE OF gender, ethnicity ON pupil_profiles
FOR EACH ROW EXECUTE FUNCTION progress_project_profiles_upd();

-- A school year's dates bound its periods.
CREATE FUNCTION progress_project_years_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO progress_project_changes (class_id) SELECT DISTINCT class_id FROM teams t JOIN classes c ON c.id = t.class_id WHERE c.school_year_id = NEW.id;
	RETURN NULL;
END;
$$;
CREATE TRIGGER progress_project_years_upd AFTER UPDATE OF starts_on, ends_on ON school_years
FOR EACH ROW EXECUTE FUNCTION progress_project_years_upd();

-- What the triggers would have written for the projects already there.
INSERT INTO progress_project_changes (class_id) SELECT DISTINCT class_id FROM teams;

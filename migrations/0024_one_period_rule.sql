-- Issue 13: one definition of a period. A school year's periods are its dates, as progress_periods
-- (0008) and reports/scope.ts bound them: semester 1 from the year's first day to 31 December,
-- semester 2 from 1 January to its last day ([from_ms, to_ms), UTC). The mastery rollups counted an
-- attempt's semester by its calendar month instead (0006: August to December 1, January to July 2),
-- so an attempt the periods put in one semester could count in the other, or in a year it was not in.
-- Now an attempt counts in the semester of its class's school year that its time falls in; an attempt
-- outside the year's dates (work before the year starts or after it ends) counts as semester 0: kept
-- in the rollups, which still sum every attempt of the class, but in no period of the dashboard (as
-- reach, dosage and the projects already leave out what is outside the year's dates).

-- Each class's two semesters: the one place the rollups (triggers, the rebuild below, the province
-- seed's bulk load) take an attempt's semester from.
CREATE VIEW progress_class_semesters AS
	SELECT c.id AS class_id, CASE p.period WHEN 's1' THEN 1 ELSE 2 END AS semester, p.from_ms, p.to_ms
	FROM classes c JOIN progress_periods p ON p.school_year_id = c.school_year_id
	WHERE p.period IN ('s1', 's2');

DROP TRIGGER progress_attempt_rollup;
CREATE TRIGGER progress_attempt_rollup AFTER INSERT ON exercise_attempts
WHEN NEW.class_id IS NOT NULL
BEGIN
	INSERT INTO progress_mastery_rollup (class_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
	SELECT NEW.class_id,
		COALESCE((SELECT s.semester FROM progress_class_semesters s
			WHERE s.class_id = NEW.class_id AND NEW.created_at >= s.from_ms AND NEW.created_at < s.to_ms), 0),
		e.concept, COALESCE(p.gender, ''), COALESCE(p.ethnicity, ''),
		1, NEW.passed, CASE WHEN NEW.passed = 1 THEN NEW.stars ELSE 0 END, NEW.hints_used
	FROM exercises e LEFT JOIN pupil_profiles p ON p.user_id = NEW.pupil_id
	WHERE e.id = NEW.exercise_id
	ON CONFLICT (class_id, semester, concept, gender, ethnicity) DO UPDATE SET
		attempts = attempts + 1, passed = passed + excluded.passed, stars = stars + excluded.stars, hints = hints + excluded.hints;

	INSERT INTO progress_mastery_class (class_id, semester, concept, attempts, passed, stars, hints)
	SELECT NEW.class_id,
		COALESCE((SELECT s.semester FROM progress_class_semesters s
			WHERE s.class_id = NEW.class_id AND NEW.created_at >= s.from_ms AND NEW.created_at < s.to_ms), 0),
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

DROP TRIGGER progress_attempt_school;
CREATE TRIGGER progress_attempt_school AFTER INSERT ON exercise_attempts
WHEN NEW.class_id IS NOT NULL
BEGIN
	INSERT INTO progress_mastery_school (school_id, school_year_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
	SELECT c.school_id, c.school_year_id,
		COALESCE((SELECT s.semester FROM progress_class_semesters s
			WHERE s.class_id = NEW.class_id AND NEW.created_at >= s.from_ms AND NEW.created_at < s.to_ms), 0),
		e.concept, COALESCE(p.gender, ''), COALESCE(p.ethnicity, ''),
		1, NEW.passed, CASE WHEN NEW.passed = 1 THEN NEW.stars ELSE 0 END, NEW.hints_used
	FROM classes c JOIN exercises e ON e.id = NEW.exercise_id LEFT JOIN pupil_profiles p ON p.user_id = NEW.pupil_id
	WHERE c.id = NEW.class_id
	ON CONFLICT (school_year_id, school_id, semester, concept, gender, ethnicity) DO UPDATE SET
		attempts = attempts + 1, passed = passed + excluded.passed, stars = stars + excluded.stars, hints = hints + excluded.hints;
END;

-- The rows counted so far by the month rule: every class with an attempt the two rules put in
-- different semesters has its rows counted again from its attempts, as the triggers above would have
-- counted them (the pupils' gender and ethnicity as they are now); other classes' rows were right.
-- The rows per class and per school are sums of the rollup (as 0015 recomputed them).
CREATE TABLE progress_semester_recount AS
	SELECT DISTINCT a.class_id
	FROM exercise_attempts a
	LEFT JOIN progress_class_semesters s ON s.class_id = a.class_id AND a.created_at >= s.from_ms AND a.created_at < s.to_ms
	WHERE a.class_id IS NOT NULL
		AND COALESCE(s.semester, 0) <> CASE WHEN CAST(strftime('%m', a.created_at / 1000, 'unixepoch') AS INTEGER) >= 8 THEN 1 ELSE 2 END;

DELETE FROM progress_mastery_rollup WHERE class_id IN (SELECT class_id FROM progress_semester_recount);
INSERT INTO progress_mastery_rollup (class_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
SELECT a.class_id, COALESCE(s.semester, 0), e.concept, COALESCE(p.gender, ''), COALESCE(p.ethnicity, ''),
	COUNT(*), SUM(a.passed), SUM(CASE WHEN a.passed = 1 THEN a.stars ELSE 0 END), SUM(a.hints_used)
FROM exercise_attempts a
JOIN exercises e ON e.id = a.exercise_id
LEFT JOIN pupil_profiles p ON p.user_id = a.pupil_id
LEFT JOIN progress_class_semesters s ON s.class_id = a.class_id AND a.created_at >= s.from_ms AND a.created_at < s.to_ms
WHERE a.class_id IN (SELECT class_id FROM progress_semester_recount)
GROUP BY 1, 2, 3, 4, 5;

DELETE FROM progress_mastery_class WHERE class_id IN (SELECT class_id FROM progress_semester_recount);
INSERT INTO progress_mastery_class (class_id, semester, concept, attempts, passed, stars, hints)
SELECT class_id, semester, concept, SUM(attempts), SUM(passed), SUM(stars), SUM(hints)
FROM progress_mastery_rollup
WHERE class_id IN (SELECT class_id FROM progress_semester_recount)
GROUP BY 1, 2, 3;

DELETE FROM progress_mastery_school WHERE (school_id, school_year_id) IN (
	SELECT c.school_id, c.school_year_id FROM classes c JOIN progress_semester_recount m ON m.class_id = c.id);
INSERT INTO progress_mastery_school (school_id, school_year_id, semester, concept, gender, ethnicity, attempts, passed, stars, hints)
SELECT c.school_id, c.school_year_id, r.semester, r.concept, r.gender, r.ethnicity, SUM(r.attempts), SUM(r.passed), SUM(r.stars), SUM(r.hints)
FROM progress_mastery_rollup r JOIN classes c ON c.id = r.class_id
WHERE (c.school_id, c.school_year_id) IN (
	SELECT c2.school_id, c2.school_year_id FROM classes c2 JOIN progress_semester_recount m ON m.class_id = c2.id)
GROUP BY 1, 2, 3, 4, 5, 6;

DROP TABLE progress_semester_recount;

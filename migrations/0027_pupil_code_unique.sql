-- A pupil code (Mã học sinh) is unique within its school, and now the database says so too (the app
-- checked it in code only, so two saves at once could give two pupils the same code). pupil_profiles
-- gets its pupil's school, filled on insert by a trigger (a pupil never changes school), and a unique
-- index on (school_id, pupil_code); pupils without a code (NULL) are not counted.
-- A code already held by two pupils of a school does not stop the upgrade: the pupil who had it first
-- (the lowest id) keeps it, each later one gets it with "*2", "*3", … appended. No code a teacher can
-- type has a "*" (letters, digits and dashes only), so the new codes collide with nothing, and the
-- pupil's page asks the teacher for a valid code at the next edit.
ALTER TABLE pupil_profiles ADD COLUMN school_id INTEGER REFERENCES schools (id);
UPDATE pupil_profiles
SET school_id = (SELECT users.school_id FROM users WHERE users.id = pupil_profiles.user_id);
UPDATE pupil_profiles
SET pupil_code = pupil_profiles.pupil_code || '*' || later.n
FROM (
	SELECT user_id, ROW_NUMBER() OVER (PARTITION BY school_id, pupil_code ORDER BY user_id) AS n
	FROM pupil_profiles
	WHERE pupil_code IS NOT NULL
) AS later
WHERE later.user_id = pupil_profiles.user_id AND later.n > 1;
CREATE UNIQUE INDEX pupil_profiles_school_code ON pupil_profiles (school_id, pupil_code);
CREATE TRIGGER pupil_profiles_school AFTER INSERT ON pupil_profiles
WHEN NEW.school_id IS NULL
BEGIN
	UPDATE pupil_profiles
	SET school_id = (SELECT users.school_id FROM users WHERE users.id = NEW.user_id)
	WHERE user_id = NEW.user_id;
END;

-- Issue 14: the school's pupil code (Mã học sinh), kept and shown, used to match a class list that is
-- imported again as an update. Optional: pupils added before it have none until a teacher sets it.
ALTER TABLE pupil_profiles ADD COLUMN pupil_code TEXT;
CREATE INDEX pupil_profiles_code ON pupil_profiles (pupil_code);

-- Issue 15: a new version of a survey form is a new form (see 0025_survey_form_versions.sql). PostgreSQL
-- drops the UNIQUE (audience) of 0006 in place.
ALTER TABLE survey_forms DROP CONSTRAINT survey_forms_audience_key;
ALTER TABLE survey_forms ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE survey_forms ADD COLUMN replaced_at BIGINT; -- when a newer version replaced it; NULL: current
ALTER TABLE survey_forms ADD CONSTRAINT survey_forms_audience_version_key UNIQUE (audience, version);
-- One current form per audience.
CREATE UNIQUE INDEX survey_forms_current ON survey_forms (audience) WHERE replaced_at IS NULL;

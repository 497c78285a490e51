-- Offline submissions (issue 16): a pupil's device queues a submission made without a network and sends
-- it when the link returns, perhaps more than once (a reply lost on the way). Each submission carries a
-- key made on the device; the same pupil's same key is recorded once, and a resend gets the first verdict.
ALTER TABLE exercise_attempts ADD COLUMN client_key TEXT;
CREATE UNIQUE INDEX exercise_attempts_client_key ON exercise_attempts (pupil_id, client_key)
	WHERE client_key IS NOT NULL;

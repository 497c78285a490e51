-- Issue 14: a teacher's exercise is its school's at once; it reaches the other schools only once the
-- department accepts it (as lessons do). The request, the decision and a returned one's comment.
ALTER TABLE exercises ADD COLUMN share_requested_at BIGINT;
ALTER TABLE exercises ADD COLUMN shared_at BIGINT;
ALTER TABLE exercises ADD COLUMN share_comment TEXT;

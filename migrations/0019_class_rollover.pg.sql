-- Issue 14: a class rolled over into the next school year points to the class it became (NULL for a
-- final grade, whose pupils finished the school), and says when; it stays readable, archived.
ALTER TABLE classes ADD COLUMN rolled_over_at BIGINT;
ALTER TABLE classes ADD COLUMN next_class_id BIGINT REFERENCES classes (id);

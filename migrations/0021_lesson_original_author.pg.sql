-- Issue 14: a lesson imported from a file keeps the name of whoever wrote it first ("Tác giả gốc"),
-- as the file carries it; the importing teacher is the author of the copy.
ALTER TABLE lessons ADD COLUMN original_author TEXT;

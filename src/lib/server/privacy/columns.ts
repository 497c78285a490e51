// Every column of the database that names a person (a users.id), and what the pupil's data export and
// erasure do with it. privacy.spec.ts reads the schema and fails when a column naming a person is in
// neither list below: a new table with a pupil column must say here how it is exported and erased.

/**
 * What erasure does with the pupil's rows of a column:
 * - 'deleted': the rows go (personal content: saved work, reflections, photos, files, sessions);
 * - 'cleared': the row stays, its personal fields are emptied (the users row, the profile, programs);
 * - 'kept': the row stays as an anonymous fact the department's figures rest on (an attempt still
 *   counts, without a person), or as a record that is never changed (the audit trail);
 * - 'ended': the enrolments still open end on the day of the erasure;
 * - 'withdrawn': the consents are withdrawn, and so the team's showcase entry.
 */
export type Treatment = 'deleted' | 'cleared' | 'kept' | 'ended' | 'withdrawn';

export interface PupilColumn {
	table: string;
	column: string;
	/** The key of pupil.json that holds these rows (null: nothing the pupil would read, e.g. tokens). */
	section: string | null;
	erase: Treatment;
}

export const PUPIL_COLUMNS: PupilColumn[] = [
	{ table: 'users', column: 'id', section: 'identity', erase: 'cleared' },
	{ table: 'pupil_profiles', column: 'user_id', section: 'identity', erase: 'cleared' },
	{ table: 'sessions', column: 'user_id', section: null, erase: 'deleted' },
	{ table: 'enrolments', column: 'pupil_id', section: 'classes', erase: 'ended' },
	{ table: 'exercise_attempts', column: 'pupil_id', section: 'exerciseAttempts', erase: 'cleared' },
	{ table: 'exercise_work', column: 'pupil_id', section: 'savedWork', erase: 'deleted' },
	{ table: 'play_drawings', column: 'pupil_id', section: 'drawings', erase: 'deleted' },
	{ table: 'exercise_hint_views', column: 'pupil_id', section: 'hintsViewed', erase: 'kept' },
	{ table: 'assignment_targets', column: 'pupil_id', section: 'assignments', erase: 'kept' },
	{ table: 'assignment_extensions', column: 'pupil_id', section: 'assignments', erase: 'kept' },
	{ table: 'team_members', column: 'pupil_id', section: 'teams', erase: 'kept' },
	{ table: 'portfolio_entries', column: 'author_id', section: 'portfolioEntries', erase: 'kept' },
	{ table: 'portfolio_photos', column: 'author_id', section: 'photos', erase: 'deleted' },
	{ table: 'portfolio_files', column: 'author_id', section: 'files', erase: 'deleted' },
	{ table: 'reflections', column: 'pupil_id', section: 'reflections', erase: 'deleted' },
	{ table: 'submissions', column: 'submitted_by', section: 'handIns', erase: 'kept' },
	{ table: 'review_scores', column: 'pupil_id', section: 'reviewsReceived', erase: 'kept' },
	{ table: 'showcase_consents', column: 'pupil_id', section: 'consents', erase: 'withdrawn' },
	{ table: 'survey_responses', column: 'respondent_id', section: 'surveys', erase: 'cleared' },
	{ table: 'progress_pupil_activity', column: 'pupil_id', section: 'activity', erase: 'kept' },
	{ table: 'progress_period_activity', column: 'pupil_id', section: 'activity', erase: 'kept' },
	{ table: 'audit_log', column: 'actor_id', section: null, erase: 'kept' },
	{ table: 'audit_log', column: 'target_id', section: null, erase: 'kept' }
];

/** Columns that name a person but only ever a member of staff (a pupil never writes these rows). */
export const STAFF_COLUMNS = [
	'assignment_archives.archived_by',
	'assignments.teacher_id',
	'class_teachers.teacher_id',
	'exercises.author_id',
	'lesson_drafts.user_id',
	'lesson_files.uploaded_by',
	'lesson_reviews.user_id',
	'lesson_teachings.teacher_id',
	'lesson_versions.author_id',
	'lessons.author_id',
	'play_drawings.hidden_by',
	'progress_lesson_plans.updated_by',
	'reviews.reviewer_id',
	'rubrics.owner_id',
	'showcase_consents.recorded_by',
	'showcase_consents.withdrawn_by',
	'showcase_entries.featured_by',
	'showcase_entries.proposed_by',
	'survey_windows.created_by'
];

/** A column name that looks like it names a person, whether or not it has a foreign key to users. */
export const PERSON_COLUMN_NAME =
	/^(pupil_id|user_id|author_id|respondent_id|member_id|actor_id|owner_id|reviewer_id|teacher_id|target_id|[a-z]+_by)$/;

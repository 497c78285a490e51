import type { Generated, Insertable, Selectable } from 'kysely';

// Row shapes of the SQLite tables (snake_case, as in migrations/).

export type Role = 'admin' | 'department' | 'teacher' | 'student';
export type SchoolLevel = 'primary' | 'lower_secondary' | 'upper_secondary';
export type Gender = 'female' | 'male';
export type SecretKind = 'pictures' | 'words';

export interface SchoolsTable {
	id: Generated<number>;
	name: string;
	commune: string;
	level: SchoolLevel;
	pilot_since: string;
	created_at: number;
}

export interface SchoolYearsTable {
	id: Generated<number>;
	name: string;
	starts_on: string;
	ends_on: string;
	is_current: Generated<number>;
}

export interface UsersTable {
	id: Generated<number>;
	role: Role;
	school_id: number | null;
	username: string | null;
	full_name: string;
	password_hash: string | null;
	disabled_at: number | null;
	created_at: number;
}

export interface SessionsTable {
	id: string;
	user_id: number;
	expires_at: number;
}

export interface LoginFailuresTable {
	key: string;
	failures: number;
	window_start: number;
	locked_until: number | null;
}

export interface PupilProfilesTable {
	user_id: number;
	gender: Gender | null;
	birth_date: string | null;
	ethnicity: string | null;
	secret_kind: SecretKind;
	secret: string;
}

export interface ClassesTable {
	id: Generated<number>;
	school_id: number;
	school_year_id: number;
	grade: number;
	name: string;
	join_code: string;
	created_at: number;
}

export interface ClassTeachersTable {
	class_id: number;
	teacher_id: number;
}

export interface EnrolmentsTable {
	id: Generated<number>;
	class_id: number;
	pupil_id: number;
	started_on: string;
	ended_on: string | null;
}

export type LessonStatus = 'draft' | 'review' | 'published' | 'archived';
export type LessonForm = 'lesson' | 'experience' | 'research';
export type LessonProcess = 'engineering' | 'inquiry';

export interface LessonsTable {
	id: Generated<number>;
	title: string;
	status: Generated<LessonStatus>;
	form: Generated<LessonForm>;
	process: Generated<LessonProcess>;
	author_id: number | null;
	school_id: number | null;
	copied_from_id: number | null;
	created_at: number;
	updated_at: number;
}

export interface LessonGradesTable {
	lesson_id: number;
	grade: number;
}

export interface LessonTeachingsTable {
	id: Generated<number>;
	lesson_id: number;
	class_id: number;
	teacher_id: number;
	taught_on: string;
	periods: number;
	note: Generated<string>;
	created_at: number;
}

export type ExerciseKind = 'io' | 'turtle' | 'maze' | 'sensor';
export type Concept = 'sequence' | 'loops' | 'conditions' | 'variables' | 'functions';

export interface ExercisesTable {
	id: Generated<number>;
	title: string;
	kind: ExerciseKind;
	grade: number;
	concept: Concept;
	status: Generated<'draft' | 'published' | 'archived'>;
	author_id: number | null;
	school_id: number | null;
	created_at: number;
	updated_at: number;
	spec: Generated<string>; // 0004: JSON, see server/exercises/spec.ts
	reference_passes: Generated<number>;
	copied_from_id: Generated<number | null>;
}

export interface ExerciseAttemptsTable {
	id: Generated<number>;
	exercise_id: number;
	pupil_id: number;
	class_id: number | null;
	passed: number;
	stars: number;
	hints_used: Generated<number>;
	time_spent_ms: Generated<number>;
	created_at: number;
	workspace: Generated<string>; // 0004
	verdict: Generated<string>;
	block_count: Generated<number>;
	client_key?: string | null; // 0014: the device's key of an offline-queued submission
}

export interface ExerciseWorkTable {
	exercise_id: number;
	pupil_id: number;
	version: number;
	workspace: string;
	hints_used: Generated<number>;
	updated_at: number;
}

export interface SchemaMigrationsTable {
	name: string;
	applied_at: number;
	checksum: string | null; // SHA-256 of the file as applied; NULL until the migrator first signs it
}

export interface Database extends ProjectsDatabase {
	audit_log: AuditLogTable;
	schools: SchoolsTable;
	school_years: SchoolYearsTable;
	users: UsersTable;
	sessions: SessionsTable;
	login_failures: LoginFailuresTable;
	pupil_profiles: PupilProfilesTable;
	classes: ClassesTable;
	class_teachers: ClassTeachersTable;
	enrolments: EnrolmentsTable;
	lessons: LessonsTable;
	lesson_grades: LessonGradesTable;
	lesson_teachings: LessonTeachingsTable;
	exercises: ExercisesTable;
	exercise_attempts: ExerciseAttemptsTable;
	exercise_work: ExerciseWorkTable;
	schema_migrations: SchemaMigrationsTable;
	progress_lesson_plans: ProgressLessonPlansTable;
	progress_mastery_rollup: ProgressMasteryRollupTable;
	progress_mastery_class: ProgressMasteryClassTable;
	progress_pupil_activity: ProgressPupilActivityTable;
	progress_weekly_active: ProgressWeeklyActiveTable;
	progress_period_activity: ProgressPeriodActivityTable;
	progress_mastery_school: ProgressMasterySchoolTable;
	progress_quality_school_scores: ProgressQualitySchoolScoresTable;
	progress_quality_school_members: ProgressQualitySchoolMembersTable;
	progress_quality_scores: ProgressQualityScoresTable;
	progress_quality_members: ProgressQualityMembersTable;
	progress_team_steps: ProgressTeamStepsTable;
	progress_project_changes: ProgressProjectChangesTable;
	survey_forms: SurveyFormsTable;
	builtin_content: BuiltinContentTable;
	survey_items: SurveyItemsTable;
	survey_windows: SurveyWindowsTable;
	survey_window_schools: SurveyWindowSchoolsTable;
	survey_responses: SurveyResponsesTable;
	survey_answers: SurveyAnswersTable;
	survey_scale_scores: SurveyScaleScoresTable;
	survey_results_rollup: SurveyResultsRollupTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;

// Curriculum (0003)
export interface LessonVersionsTable {
	id: Generated<number>;
	lesson_id: number;
	number: number;
	content: string;
	author_id: number | null;
	created_at: number;
	updated_at: number;
}

// Merged into LessonsTable (interface merging keeps the foundation's declaration untouched).
export interface LessonsTable {
	current_version_id: number | null;
	copied_from_version_id: number | null;
	periods: Generated<number>;
}

export interface LessonSubjectsTable {
	lesson_id: number;
	subject: string;
}

export interface LessonSearchTable {
	rowid: number;
	title: string;
	aims: string;
	activities: string;
	lesson_search: string;
}

export interface LessonReviewsTable {
	id: Generated<number>;
	lesson_id: number;
	version_id: number;
	user_id: number;
	action: 'submitted' | 'approved' | 'returned' | 'archived';
	comment: Generated<string>;
	created_at: number;
}

export interface LessonDraftsTable {
	lesson_id: number;
	user_id: number;
	content: string;
	saved_at: number;
}

export interface LessonFilesTable {
	id: Generated<number>;
	lesson_id: number;
	kind: 'image' | 'pdf';
	name: string;
	stored_as: string;
	bytes: number;
	uploaded_by: number;
	created_at: number;
}

export interface Database {
	lesson_versions: LessonVersionsTable;
	lesson_subjects: LessonSubjectsTable;
	lesson_search: LessonSearchTable;
	lesson_reviews: LessonReviewsTable;
	lesson_drafts: LessonDraftsTable;
	lesson_files: LessonFilesTable;
}

// Issue 5: assignments, team projects, portfolios, reviews, showcase (migrations/0005_projects.sql).
export type AssignmentKind = 'exercises' | 'project';

export interface RubricsTable {
	id: Generated<number>;
	school_id: number;
	owner_id: number;
	title: string;
	criteria_json: string;
	created_at: number;
	updated_at: number;
}

export interface AssignmentsTable {
	id: Generated<number>;
	school_id: number;
	teacher_id: number;
	kind: AssignmentKind;
	title: string;
	instructions: Generated<string>;
	lesson_id: number | null;
	process: LessonProcess | null;
	rubric_json: string | null;
	opens_on: string;
	due_on: string;
	closed_at: number | null;
	created_at: number;
}

export interface AssignmentTargetsTable {
	id: Generated<number>;
	assignment_id: number;
	class_id: number;
	pupil_id: number | null;
}

export interface AssignmentExercisesTable {
	assignment_id: number;
	position: number;
	exercise_id: number;
}

export interface ProjectStepsTable {
	assignment_id: number;
	position: number;
	key: string;
	label: string;
}

export interface TeamsTable {
	id: Generated<number>;
	assignment_id: number;
	class_id: number;
	name: string;
	created_at: number;
}

export interface TeamMembersTable {
	team_id: number;
	assignment_id: number;
	pupil_id: number;
}

export interface PortfolioEntriesTable {
	id: Generated<number>;
	team_id: number;
	step_key: string;
	author_id: number;
	body_md: string;
	body_html: string;
	created_at: number;
}

export interface PortfolioPhotosTable {
	id: Generated<number>;
	team_id: number;
	step_key: string;
	author_id: number;
	client_key: string | null;
	caption: Generated<string>;
	stored_name: string;
	width: number;
	height: number;
	bytes: number;
	created_at: number;
}

export type PortfolioFileKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'txt' | 'csv';

export interface PortfolioFilesTable {
	id: Generated<number>;
	team_id: number;
	step_key: string;
	author_id: number;
	name: string;
	kind: PortfolioFileKind;
	stored_name: string;
	bytes: number;
	created_at: number;
}

export interface ReflectionsTable {
	team_id: number;
	step_key: string;
	pupil_id: number;
	body: string;
	updated_at: number;
}

export interface SubmissionsTable {
	id: Generated<number>;
	team_id: number;
	step_key: string | null;
	submitted_by: number;
	submitted_at: number;
}

export interface ReviewsTable {
	id: Generated<number>;
	team_id: number;
	reviewer_id: number;
	feedback: Generated<string>;
	total: number;
	max_total: number;
	returned_at: number;
	created_at: number;
}

export interface ReviewScoresTable {
	review_id: number;
	criterion: number;
	criterion_title: string;
	pupil_id: number | null;
	points: number;
	max_points: number;
}

export interface ShowcaseEntriesTable {
	team_id: number;
	proposed_by: number;
	proposed_at: number;
	featured_by: number | null;
	featured_at: number | null;
}

export interface ShowcaseConsentsTable {
	id: Generated<number>;
	team_id: number;
	pupil_id: number;
	parent_agreed: number;
	pupil_agreed: number;
	recorded_by: number;
	recorded_at: number;
	withdrawn_by: number | null;
	withdrawn_at: number | null;
}

export interface ProjectsDatabase {
	rubrics: RubricsTable;
	assignments: AssignmentsTable;
	assignment_targets: AssignmentTargetsTable;
	assignment_exercises: AssignmentExercisesTable;
	project_steps: ProjectStepsTable;
	teams: TeamsTable;
	team_members: TeamMembersTable;
	portfolio_entries: PortfolioEntriesTable;
	portfolio_photos: PortfolioPhotosTable;
	portfolio_files: PortfolioFilesTable;
	reflections: ReflectionsTable;
	submissions: SubmissionsTable;
	reviews: ReviewsTable;
	review_scores: ReviewScoresTable;
	showcase_entries: ShowcaseEntriesTable;
	showcase_consents: ShowcaseConsentsTable;
}

// Progress, evaluation and surveys (migrations/0006_progress.sql).
export interface ProgressLessonPlansTable {
	class_id: number;
	semester: number;
	planned_lessons: number;
	updated_by: number | null;
	updated_at: number;
}

export interface ProgressMasteryRollupTable {
	class_id: number;
	semester: number;
	concept: Concept;
	gender: string;
	ethnicity: string;
	attempts: number;
	passed: number;
	stars: number;
	hints: number;
}

export interface ProgressMasteryClassTable {
	class_id: number;
	semester: number;
	concept: Concept;
	attempts: number;
	passed: number;
	stars: number;
	hints: number;
}

export interface ProgressPupilActivityTable {
	pupil_id: number;
	last_at: number;
	last_week: Generated<string>;
}

// Migration 0008: rollups kept by triggers (written by the database, only read by the app).
export interface ProgressPeriodActivityTable {
	pupil_id: number;
	school_year_id: number;
	period: string;
	last_at: number;
}

export interface ProgressMasterySchoolTable {
	school_id: number;
	school_year_id: number;
	semester: number;
	concept: string;
	gender: string;
	ethnicity: string;
	attempts: number;
	passed: number;
	stars: number;
	hints: number;
}

export interface ProgressQualitySchoolScoresTable extends Omit<
	ProgressQualityScoresTable,
	'class_id'
> {
	school_id: number;
	school_year_id: number;
}

export interface ProgressQualitySchoolMembersTable extends Omit<
	ProgressQualityMembersTable,
	'class_id'
> {
	school_id: number;
	school_year_id: number;
}

export interface ProgressQualityScoresTable {
	class_id: number;
	period: string;
	/** '*' in the rows per ethnicity and in the class totals */
	gender: string;
	/** '*' in the rows per gender and in the class totals */
	ethnicity: string;
	criterion: number;
	title: string;
	n: number;
	pct: number;
}

export interface ProgressQualityMembersTable {
	class_id: number;
	period: string;
	gender: string;
	ethnicity: string;
	pupils: number;
	teams: number;
}

export interface ProgressTeamStepsTable {
	team_id: number;
	class_id: number;
	due_on: string;
	complete: number;
}

export interface ProgressProjectChangesTable {
	class_id: number;
}

export interface ProgressWeeklyActiveTable {
	week: string;
	class_id: number;
	pupils: number;
}

export type SurveyAudience = 'pupil_primary' | 'pupil_secondary' | 'teacher';
export type SurveyScale =
	'maths' | 'science' | 'engineering' | 'skills' | 'careers' | 'efficacy' | 'practices';

/** Which row each built-in lesson or exercise became, and from what (migration 0026). */
export interface BuiltinContentTable {
	kind: 'lesson' | 'exercise';
	item_key: string;
	record_id: number;
	source_hash: string;
	content_hash: string;
	synced_at: number;
}

export interface SurveyFormsTable {
	id: Generated<number>;
	audience: SurveyAudience;
	title: string;
	updated_at: number;
	/** 1, 2, …: a new version of a locked form is a new form (migration 0025) */
	version: Generated<number>;
	/** when a newer version replaced it; null: the audience's current form */
	replaced_at: number | null;
}

export interface SurveyItemsTable {
	id: Generated<number>;
	form_id: number;
	scale: SurveyScale;
	position: number;
	text: string;
	reversed: Generated<number>;
	archived: Generated<number>;
}

export interface SurveyWindowsTable {
	id: Generated<number>;
	form_id: number;
	school_year_id: number;
	phase: 'pre' | 'post';
	opens_on: string;
	closes_on: string;
	created_by: number | null;
	created_at: number;
}

export interface SurveyWindowSchoolsTable {
	window_id: number;
	school_id: number;
}

export interface SurveyResponsesTable {
	id: Generated<number>;
	window_id: number;
	respondent_id: number;
	school_id: number;
	class_id: number | null;
	grade: number | null;
	gender: Generated<string>;
	ethnicity: Generated<string>;
	submitted_at: number;
}

export interface SurveyAnswersTable {
	response_id: number;
	item_id: number;
	value: number;
}

export interface SurveyScaleScoresTable {
	response_id: number;
	scale: string;
	score: number;
}

export interface SurveyResultsRollupTable {
	window_id: number;
	school_id: number;
	grade: number;
	gender: string;
	ethnicity: string;
	scale: string;
	n: number;
	total: number;
	sq: number;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: number;
	actor_id: number | null;
	actor_role: string | null;
	action: string;
	target_type: string | null;
	target_id: number | null;
	school_id: number | null;
	address: string | null;
	detail: string | null;
}

// Courses (0013, issue 15): the Blockly path, see server/courses/courses.ts.
export type CourseConcept =
	| 'sequence'
	| 'loops'
	| 'nested_loops'
	| 'events'
	| 'conditions'
	| 'variables'
	| 'functions'
	| 'lists'
	| 'debugging';

export interface CoursesTable {
	id: Generated<number>;
	slug: string;
	title: string;
	grade_from: number;
	grade_to: number;
	position: number;
	summary: Generated<string>;
}

export interface CourseLessonsTable {
	id: Generated<number>;
	course_id: number;
	position: number;
	slug: string;
	title: string;
	concept: CourseConcept;
	summary: Generated<string>;
	stem_lesson_id: number | null;
}

export interface CourseLessonExercisesTable {
	course_lesson_id: number;
	exercise_id: number;
	position: number;
}

export interface ExerciseHintViewsTable {
	exercise_id: number;
	pupil_id: number;
	step: number;
	created_at: number;
}

export interface Database {
	courses: CoursesTable;
	course_lessons: CourseLessonsTable;
	course_lesson_exercises: CourseLessonExercisesTable;
	exercise_hint_views: ExerciseHintViewsTable;
}

// Issue 10 (migration 0010): the dashboard's snapshots, leases, backups.
export interface ReportSnapshotsTable {
	id: Generated<number>;
	school_year_id: number;
	period: string;
	taken_at: number;
	facts: string;
}

export interface ReportSnapshotViewsTable {
	snapshot_id: number;
	view_key: string;
	tables: string;
}

export interface JobLeasesTable {
	name: string;
	holder: string;
	expires_at: number;
}

export interface BackupRunsTable {
	id: Generated<number>;
	started_at: number;
	finished_at: number | null;
	file: string | null;
	bytes: number | null;
	ok: number;
	error: string | null;
}

export interface Database {
	report_snapshots: ReportSnapshotsTable;
	report_snapshot_views: ReportSnapshotViewsTable;
	job_leases: JobLeasesTable;
	backup_runs: BackupRunsTable;
}

// A teacher's week: assignments that can change (migrations/0012_teacher_week.sql).
export interface Database {
	assignment_extensions: AssignmentExtensionsTable;
	assignment_archives: AssignmentArchivesTable;
}

export interface AssignmentExtensionsTable {
	assignment_id: number;
	pupil_id: number;
	due_on: string;
}

export interface AssignmentArchivesTable {
	assignment_id: number;
	archived_by: number;
	archived_at: number;
}

// Issue 11 (migration 0011): columns added to existing tables (interfaces merge).
export interface LoginFailuresTable {
	locks: Generated<number>;
}
export interface UsersTable {
	must_change_password: Generated<number>;
	erased_at: number | null;
}

// 0018: the school's pupil code (Mã học sinh).
export interface PupilProfilesTable {
	pupil_code: Generated<string | null>;
}

// 0019: a class rolled over into the next school year.
export interface ClassesTable {
	rolled_over_at: Generated<number | null>;
	next_class_id: Generated<number | null>;
}

// 0020: a class the teacher archived.
export interface ClassesTable {
	archived_at: Generated<number | null>;
}

// 0021: who first wrote an imported lesson.
export interface LessonsTable {
	original_author: Generated<string | null>;
}

// 0022: sharing a school's exercise with every school, once the department accepts it.
export interface ExercisesTable {
	share_requested_at: Generated<number | null>;
	shared_at: Generated<number | null>;
	share_comment: Generated<string | null>;
}

// 0023: free play ("Sân chơi"): a pupil's drawings, shared with their class, hidden by its teachers.
export interface PlayDrawingsTable {
	id: Generated<number>;
	pupil_id: number;
	name: string;
	workspace: string;
	segments: Generated<string>;
	shared_class_id: number | null;
	shared_at: number | null;
	hidden_at: number | null;
	hidden_by: number | null;
	created_at: number;
	updated_at: number;
}

export interface Database {
	play_drawings: PlayDrawingsTable;
}

// 0027: the pupil's school, filled on insert by a trigger, for the unique (school_id, pupil_code).
export interface PupilProfilesTable {
	school_id: Generated<number | null>;
}

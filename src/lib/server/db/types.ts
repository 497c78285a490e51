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
}

export interface SchemaMigrationsTable {
	name: string;
	applied_at: number;
}

export interface Database {
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
	schema_migrations: SchemaMigrationsTable;
	progress_lesson_plans: ProgressLessonPlansTable;
	progress_mastery_rollup: ProgressMasteryRollupTable;
	progress_mastery_class: ProgressMasteryClassTable;
	progress_pupil_activity: ProgressPupilActivityTable;
	progress_weekly_active: ProgressWeeklyActiveTable;
	survey_forms: SurveyFormsTable;
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

export interface ProgressWeeklyActiveTable {
	week: string;
	class_id: number;
	pupils: number;
}

export type SurveyAudience = 'pupil_primary' | 'pupil_secondary' | 'teacher';
export type SurveyScale = 'maths' | 'science' | 'engineering' | 'skills' | 'careers' | 'efficacy' | 'practices';

export interface SurveyFormsTable {
	id: Generated<number>;
	audience: SurveyAudience;
	title: string;
	updated_at: number;
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

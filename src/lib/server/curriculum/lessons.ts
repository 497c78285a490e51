// Lesson plans: create, save (in place while a draft, as a new version once published), copy,
// submit, approve or send back, archive. Who may see what lives here too (canView, canEdit).
import * as audit from '../audit/log';
import type { Conn } from '../db';
import type { LessonStatus, Role } from '../db/types';
import type { LessonContent } from '$lib/curriculum/lesson';
import { cleanLong } from './content';
import { indexLesson, summaryQuery, withGradesAndSubjects, type LessonSummary } from './search';

export interface Viewer {
	id: number;
	role: Role;
	schoolId: number | null;
	/** The client's address, for the audit trail of the department's decisions. */
	address?: string | null;
}

export interface LessonMeta {
	id: number;
	title: string;
	status: LessonStatus;
	authorId: number | null;
	authorName: string | null;
	schoolId: number | null;
	schoolName: string | null;
	copiedFromId: number | null;
	/** Who first wrote a lesson imported from a file (the file's "author"). */
	originalAuthor: string | null;
	copiedFromTitle: string | null;
	copiedFromVersion: number | null;
	versionId: number;
	version: number;
	createdAt: number;
	updatedAt: number;
}

export interface Lesson extends LessonMeta {
	content: LessonContent;
}

export type Outcome =
	{ ok: true } | { ok: false; error: 'not_allowed' | 'wrong_state' | 'comment_required' };

/** Drafts: their author only. In review and archived: author and department. Published: all staff. */
export function canView(lesson: Pick<LessonMeta, 'status' | 'authorId'>, viewer: Viewer): boolean {
	if (viewer.role === 'student') return false;
	if (lesson.authorId === viewer.id) return true;
	if (lesson.status === 'published') return true;
	return (viewer.role === 'department' || viewer.role === 'admin') && lesson.status !== 'draft';
}

/** Authors edit their drafts and published lessons (a new version); the department edits its own. */
export function canEdit(
	lesson: Pick<LessonMeta, 'status' | 'authorId' | 'schoolId'>,
	viewer: Viewer
): boolean {
	if (lesson.status === 'review' || lesson.status === 'archived') return false;
	if (lesson.authorId === viewer.id) return true;
	return viewer.role === 'department' && lesson.schoolId === null && lesson.status === 'published';
}

export async function getLesson(db: Conn, id: number): Promise<Lesson | undefined> {
	const row = await db
		.selectFrom('lessons')
		.innerJoin('lesson_versions as v', 'v.id', 'lessons.current_version_id')
		.leftJoin('users', 'users.id', 'lessons.author_id')
		.leftJoin('schools', 'schools.id', 'lessons.school_id')
		.leftJoin('lessons as src', 'src.id', 'lessons.copied_from_id')
		.leftJoin('lesson_versions as srcv', 'srcv.id', 'lessons.copied_from_version_id')
		.select([
			'lessons.id',
			'lessons.title',
			'lessons.status',
			'lessons.author_id',
			'users.full_name as author_name',
			'lessons.school_id',
			'schools.name as school_name',
			'lessons.copied_from_id',
			'lessons.original_author',
			'src.title as src_title',
			'srcv.number as src_version',
			'v.id as version_id',
			'v.number as version',
			'v.content',
			'lessons.created_at',
			'lessons.updated_at'
		])
		.where('lessons.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		id: row.id,
		title: row.title,
		status: row.status,
		authorId: row.author_id,
		authorName: row.author_name,
		schoolId: row.school_id,
		schoolName: row.school_name,
		copiedFromId: row.copied_from_id,
		originalAuthor: row.original_author,
		copiedFromTitle: row.src_title,
		copiedFromVersion: row.src_version,
		versionId: row.version_id,
		version: row.version,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		content: JSON.parse(row.content) as LessonContent
	};
}

/** The lesson if this viewer may see it; undefined otherwise (the page answers 404). */
export async function getVisibleLesson(
	db: Conn,
	id: number,
	viewer: Viewer
): Promise<Lesson | undefined> {
	const lesson = await getLesson(db, id);
	return lesson && canView(lesson, viewer) ? lesson : undefined;
}

/** The index row and the derived tables follow the current version. */
async function syncCurrent(
	db: Conn,
	lessonId: number,
	versionId: number,
	c: LessonContent,
	now: number
) {
	await db
		.updateTable('lessons')
		.set({
			title: c.title,
			form: c.form,
			process: c.process,
			periods: c.periods,
			current_version_id: versionId,
			updated_at: now
		})
		.where('id', '=', lessonId)
		.execute();
	await db.deleteFrom('lesson_grades').where('lesson_id', '=', lessonId).execute();
	await db
		.insertInto('lesson_grades')
		.values(c.grades.map((grade) => ({ lesson_id: lessonId, grade })))
		.execute();
	await db.deleteFrom('lesson_subjects').where('lesson_id', '=', lessonId).execute();
	if (c.subjects.length)
		await db
			.insertInto('lesson_subjects')
			.values(c.subjects.map((subject) => ({ lesson_id: lessonId, subject })))
			.execute();
	await indexLesson(db, lessonId, c);
}

/**
 * A new lesson, version 1. `author` null with status published: the department's library
 * lessons (the seed and imports by the department).
 */
export async function createLesson(
	db: Conn,
	author: { id: number; schoolId: number | null } | null,
	content: LessonContent,
	opts: {
		status?: LessonStatus;
		copiedFromId?: number;
		copiedFromVersionId?: number;
		originalAuthor?: string | null;
		now?: number;
	} = {}
): Promise<number> {
	const now = opts.now ?? Date.now();
	const { id } = await db
		.insertInto('lessons')
		.values({
			title: content.title,
			status: opts.status ?? 'draft',
			form: content.form,
			process: content.process,
			periods: content.periods,
			author_id: author?.id ?? null,
			school_id: author?.schoolId ?? null,
			copied_from_id: opts.copiedFromId ?? null,
			copied_from_version_id: opts.copiedFromVersionId ?? null,
			original_author: opts.originalAuthor ?? null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const v = await db
		.insertInto('lesson_versions')
		.values({
			lesson_id: id,
			number: 1,
			content: JSON.stringify(content),
			author_id: author?.id ?? null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await syncCurrent(db, id, v.id, content, now);
	return id;
}

/**
 * A new version of a library lesson whose built-in text changed (content/sync.ts): written by the app,
 * no author; the earlier versions stay, for the copies made from them.
 */
export async function addLessonVersion(
	db: Conn,
	id: number,
	content: LessonContent,
	now = Date.now()
): Promise<void> {
	const last = await db
		.selectFrom('lesson_versions')
		.select((eb) => eb.fn.max('number').as('n'))
		.where('lesson_id', '=', id)
		.executeTakeFirst();
	const v = await db
		.insertInto('lesson_versions')
		.values({
			lesson_id: id,
			number: Number(last?.n ?? 0) + 1,
			content: JSON.stringify(content),
			author_id: null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await syncCurrent(db, id, v.id, content, now);
}

/**
 * Saves validated content. A draft is changed in place; a published lesson gets a new version
 * (the old one stays, for the copies made from it). In review or archived: refused.
 */
export async function saveLesson(
	db: Conn,
	viewer: Viewer,
	id: number,
	content: LessonContent,
	now = Date.now()
): Promise<Outcome & { version?: number }> {
	const lesson = await getLesson(db, id);
	if (!lesson || !canView(lesson, viewer) || !canEdit(lesson, viewer))
		return { ok: false, error: 'not_allowed' };
	let versionId = lesson.versionId;
	let version = lesson.version;
	if (lesson.status === 'published') {
		version += 1;
		({ id: versionId } = await db
			.insertInto('lesson_versions')
			.values({
				lesson_id: id,
				number: version,
				content: JSON.stringify(content),
				author_id: viewer.id,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow());
	} else {
		await db
			.updateTable('lesson_versions')
			.set({ content: JSON.stringify(content), updated_at: now })
			.where('id', '=', versionId)
			.execute();
	}
	await syncCurrent(db, id, versionId, content, now);
	await db
		.deleteFrom('lesson_drafts')
		.where('lesson_id', '=', id)
		.where('user_id', '=', viewer.id)
		.execute();
	return { ok: true, version };
}

/** A teacher's own adaptation of a lesson they can see, remembering the version it came from. */
export async function copyLesson(
	db: Conn,
	teacher: Viewer,
	sourceId: number,
	now = Date.now()
): Promise<number | undefined> {
	const source = await getVisibleLesson(db, sourceId, teacher);
	if (!source || teacher.role !== 'teacher') return undefined;
	return createLesson(db, { id: teacher.id, schoolId: teacher.schoolId }, source.content, {
		copiedFromId: source.id,
		copiedFromVersionId: source.versionId,
		now
	});
}

async function record(
	db: Conn,
	lesson: Lesson,
	userId: number,
	action: 'submitted' | 'approved' | 'returned' | 'archived',
	comment: string,
	now: number
) {
	await db
		.insertInto('lesson_reviews')
		.values({
			lesson_id: lesson.id,
			version_id: lesson.versionId,
			user_id: userId,
			action,
			comment,
			created_at: now
		})
		.execute();
}

async function setStatus(db: Conn, id: number, status: LessonStatus, now: number) {
	await db.updateTable('lessons').set({ status, updated_at: now }).where('id', '=', id).execute();
}

/** The author asks the department to publish their draft. */
export async function submitLesson(
	db: Conn,
	viewer: Viewer,
	id: number,
	now = Date.now()
): Promise<Outcome> {
	const lesson = await getLesson(db, id);
	if (!lesson || lesson.authorId !== viewer.id) return { ok: false, error: 'not_allowed' };
	if (lesson.status !== 'draft') return { ok: false, error: 'wrong_state' };
	await setStatus(db, id, 'review', now);
	await record(db, lesson, viewer.id, 'submitted', '', now);
	return { ok: true };
}

/** The department publishes a lesson in review, or sends it back to its author with comments. */
export async function reviewLesson(
	db: Conn,
	reviewer: Viewer,
	id: number,
	decision: 'approve' | 'return',
	comment: string,
	now = Date.now()
): Promise<Outcome> {
	if (reviewer.role !== 'department') return { ok: false, error: 'not_allowed' };
	const lesson = await getLesson(db, id);
	if (!lesson) return { ok: false, error: 'not_allowed' };
	if (lesson.status !== 'review') return { ok: false, error: 'wrong_state' };
	const text = cleanLong(comment).slice(0, 4000);
	if (decision === 'return' && !text) return { ok: false, error: 'comment_required' };
	await setStatus(db, id, decision === 'approve' ? 'published' : 'draft', now);
	await audit.record(
		db,
		{ id: reviewer.id, role: reviewer.role, address: reviewer.address ?? null },
		{
			action: decision === 'approve' ? 'lesson.published' : 'lesson.returned',
			target: { type: 'lesson', id },
			schoolId: lesson.schoolId,
			detail: { versionId: lesson.versionId }
		},
		now
	);
	await record(
		db,
		lesson,
		reviewer.id,
		decision === 'approve' ? 'approved' : 'returned',
		text,
		now
	);
	return { ok: true };
}

/** The department takes a published lesson out of the library (kept for history and the log). */
export async function archiveLesson(
	db: Conn,
	reviewer: Viewer,
	id: number,
	now = Date.now()
): Promise<Outcome> {
	if (reviewer.role !== 'department') return { ok: false, error: 'not_allowed' };
	const lesson = await getLesson(db, id);
	if (!lesson) return { ok: false, error: 'not_allowed' };
	if (lesson.status !== 'published') return { ok: false, error: 'wrong_state' };
	await setStatus(db, id, 'archived', now);
	await record(db, lesson, reviewer.id, 'archived', '', now);
	return { ok: true };
}

export interface ReviewEntry {
	action: 'submitted' | 'approved' | 'returned' | 'archived';
	comment: string;
	userName: string;
	version: number;
	createdAt: number;
}

export async function listReviews(db: Conn, lessonId: number): Promise<ReviewEntry[]> {
	const rows = await db
		.selectFrom('lesson_reviews as r')
		.innerJoin('users', 'users.id', 'r.user_id')
		.innerJoin('lesson_versions as v', 'v.id', 'r.version_id')
		.select(['r.action', 'r.comment', 'users.full_name', 'v.number', 'r.created_at'])
		.where('r.lesson_id', '=', lessonId)
		.orderBy('r.created_at', 'desc')
		.orderBy('r.id', 'desc')
		.execute();
	return rows.map((r) => ({
		action: r.action,
		comment: r.comment,
		userName: r.full_name,
		version: r.number,
		createdAt: r.created_at
	}));
}

export async function listVersions(
	db: Conn,
	lessonId: number
): Promise<{ number: number; createdAt: number }[]> {
	const rows = await db
		.selectFrom('lesson_versions')
		.select(['number', 'created_at'])
		.where('lesson_id', '=', lessonId)
		.orderBy('number', 'desc')
		.execute();
	return rows.map((r) => ({ number: r.number, createdAt: r.created_at }));
}

/** A user's own lessons, any state, newest first. */
export async function listMyLessons(db: Conn, userId: number): Promise<LessonSummary[]> {
	const rows = await summaryQuery(db)
		.where('lessons.author_id', '=', userId)
		.orderBy('lessons.updated_at', 'desc')
		.orderBy('lessons.id', 'desc')
		.execute();
	return withGradesAndSubjects(db, rows);
}

/** Lessons waiting for the department, oldest first. */
export async function listInReview(db: Conn): Promise<LessonSummary[]> {
	const rows = await summaryQuery(db)
		.where('lessons.status', '=', 'review')
		.orderBy('lessons.updated_at')
		.execute();
	return withGradesAndSubjects(db, rows);
}

// Autosave: the editor's unsaved form, kept per lesson and user until saved.
const MAX_DRAFT = 400_000;

export async function autosaveDraft(
	db: Conn,
	viewer: Viewer,
	id: number,
	state: string,
	now = Date.now()
): Promise<Outcome> {
	const lesson = await getLesson(db, id);
	if (!lesson || !canView(lesson, viewer) || !canEdit(lesson, viewer))
		return { ok: false, error: 'not_allowed' };
	if (state.length > MAX_DRAFT) return { ok: false, error: 'wrong_state' };
	await db
		.insertInto('lesson_drafts')
		.values({ lesson_id: id, user_id: viewer.id, content: state, saved_at: now })
		.onConflict((oc) =>
			oc.columns(['lesson_id', 'user_id']).doUpdateSet({ content: state, saved_at: now })
		)
		.execute();
	return { ok: true };
}

export async function getDraft(
	db: Conn,
	userId: number,
	id: number
): Promise<{ state: Record<string, string | string[]>; savedAt: number } | undefined> {
	const row = await db
		.selectFrom('lesson_drafts')
		.select(['content', 'saved_at'])
		.where('lesson_id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!row) return undefined;
	try {
		return { state: JSON.parse(row.content), savedAt: row.saved_at };
	} catch {
		return undefined;
	}
}

export async function discardDraft(db: Conn, userId: number, id: number): Promise<void> {
	await db
		.deleteFrom('lesson_drafts')
		.where('lesson_id', '=', id)
		.where('user_id', '=', userId)
		.execute();
}

// The library: published lessons, filtered and searched with FTS5 over folded text.
import { sql } from 'kysely';
import type { Conn } from '../db';
import { lessonTextMatch, lessonWordHits } from '../db/dialect';
import { foldKey } from '$lib/text/normalize';
import type { LessonContent, LessonForm, LessonProcess } from '$lib/curriculum/lesson';
import type { LessonStatus } from '../db/types';

export const PAGE_SIZE = 12;

/** Keeps the search index in step with a lesson's current version (rowid = lesson id). */
export async function indexLesson(db: Conn, lessonId: number, c: LessonContent): Promise<void> {
	const aims = [c.overview, c.aims.knowledge, c.aims.competencies, c.aims.qualities].join('\n');
	const activities = [
		...c.subjects,
		...c.activities.flatMap((a) => [a.label, a.aims, a.content, a.product, a.organisation]),
		...c.materials.map((m) => m.name),
		...c.criteria.flatMap((k) => [k.title, k.description])
	].join('\n');
	await sql`DELETE FROM lesson_search WHERE rowid = ${lessonId}`.execute(db);
	await sql`INSERT INTO lesson_search (rowid, title, aims, activities) VALUES (${lessonId}, ${foldKey(c.title)}, ${foldKey(aims)}, ${foldKey(activities)})`.execute(
		db
	);
}

/**
 * A user's words as an FTS5 query: folded (so "Động cơ" = "dong co", "đ" = "d"), each word quoted
 * (no FTS syntax gets through), all words required. Vietnamese words are syllables, so whole
 * syllables match exactly; only the last may be unfinished ("may say h" finds "máy sấy hồi").
 */
export function ftsQuery(q: string): string | null {
	const words = searchWords(q);
	return words.length
		? words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
		: null;
}

/** A user's words, folded, at most 12 (what every engine's text match takes). */
export function searchWords(q: string): string[] {
	return (
		foldKey(q)
			.match(/[a-z0-9]+/g)
			?.slice(0, 12) ?? []
	);
}

export interface LibraryFilters {
	q?: string;
	grade?: number;
	subject?: string;
	form?: LessonForm;
	process?: LessonProcess;
	page?: number;
}

export interface LessonSummary {
	id: number;
	title: string;
	status: LessonStatus;
	form: LessonForm;
	process: LessonProcess;
	periods: number;
	grades: number[];
	subjects: string[];
	authorName: string | null;
	schoolName: string | null;
	updatedAt: number;
}

/** Grades and subjects of a page of lessons, in two queries. */
export async function withGradesAndSubjects<T extends { id: number }>(
	db: Conn,
	rows: T[]
): Promise<(T & { grades: number[]; subjects: string[] })[]> {
	const ids = rows.map((r) => r.id);
	const grades = ids.length
		? await db
				.selectFrom('lesson_grades')
				.select(['lesson_id', 'grade'])
				.where('lesson_id', 'in', ids)
				.orderBy('grade')
				.execute()
		: [];
	const subjects = ids.length
		? await db
				.selectFrom('lesson_subjects')
				.select(['lesson_id', 'subject'])
				.where('lesson_id', 'in', ids)
				.orderBy('subject')
				.execute()
		: [];
	return rows.map((r) => ({
		...r,
		grades: grades.filter((g) => g.lesson_id === r.id).map((g) => g.grade),
		subjects: subjects.filter((s) => s.lesson_id === r.id).map((s) => s.subject)
	}));
}

export function summaryQuery(db: Conn) {
	return db
		.selectFrom('lessons')
		.leftJoin('users', 'users.id', 'lessons.author_id')
		.leftJoin('schools', 'schools.id', 'lessons.school_id')
		.select([
			'lessons.id',
			'lessons.title',
			'lessons.status',
			'lessons.form',
			'lessons.process',
			'lessons.periods',
			'lessons.updated_at as updatedAt',
			'users.full_name as authorName',
			'schools.name as schoolName'
		]);
}

/** How many of a query's words a lesson must have: most of them (2 of 3, 3 of 4…; both of 2). */
export const wordsNeeded = (n: number) => Math.floor(n / 2) + 1;

/**
 * One page of the published library. A query keeps lessons that have most of its words, those with
 * more of them first, then the best matches; `partial` says some listed lessons lack a word.
 */
export async function searchLibrary(
	db: Conn,
	f: LibraryFilters
): Promise<{
	items: LessonSummary[];
	total: number;
	page: number;
	pages: number;
	partial: boolean;
}> {
	const words = f.q ? searchWords(f.q) : [];
	const match = words.length ? lessonTextMatch(db, words, 'any') : null;
	const hits = words.length ? lessonWordHits(db, words) : null;
	let query = summaryQuery(db).where('lessons.status', '=', 'published');
	if (match && hits)
		query = query
			.innerJoin('lesson_search', (j) => j.on(sql`lesson_search.rowid`, '=', sql.ref('lessons.id')))
			.where(match.where)
			.where(sql<boolean>`${hits} >= ${wordsNeeded(words.length)}`);
	if (f.grade)
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('lesson_grades')
					.select('grade')
					.whereRef('lesson_grades.lesson_id', '=', 'lessons.id')
					.where('grade', '=', f.grade!)
			)
		);
	if (f.subject)
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('lesson_subjects')
					.select('subject')
					.whereRef('lesson_subjects.lesson_id', '=', 'lessons.id')
					.where('subject', '=', f.subject!)
			)
		);
	if (f.form) query = query.where('lessons.form', '=', f.form);
	if (f.process) query = query.where('lessons.process', '=', f.process);

	const { n } = await query
		.clearSelect()
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const total = Number(n);
	const whole = hits
		? Number(
				(
					await query
						.clearSelect()
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.where(sql<boolean>`${hits} = ${words.length}`)
						.executeTakeFirstOrThrow()
				).n
			)
		: total;
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(Math.max(1, Math.floor(f.page ?? 1) || 1), pages);
	// Title hits weigh most, then aims, then the activities' text.
	const ordered = match
		? query
				.orderBy(sql`${hits} DESC`)
				.orderBy(match.rank)
				.orderBy('lessons.id')
		: query.orderBy('lessons.title').orderBy('lessons.id');
	const rows = await ordered
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.execute();
	return {
		items: await withGradesAndSubjects(db, rows),
		total,
		page,
		pages,
		partial: whole < total
	};
}

/** Subjects present in the published library, for the filter's list. */
export async function librarySubjects(db: Conn): Promise<string[]> {
	const rows = await db
		.selectFrom('lesson_subjects')
		.innerJoin('lessons', 'lessons.id', 'lesson_subjects.lesson_id')
		.select('subject')
		.distinct()
		.where('lessons.status', '=', 'published')
		.orderBy('subject')
		.execute();
	return rows.map((r) => r.subject);
}

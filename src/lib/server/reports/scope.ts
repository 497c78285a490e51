// What a dashboard page looks at: a school year, a period of it, and optional filters down to a class.
import { sql, type RawBuilder } from 'kysely';
import type { Conn } from '../db';
import type { SchoolLevel } from '../db/types';

export type Period = 'year' | 's1' | 's2';
export const PERIODS: Period[] = ['year', 's1', 's2'];
export const LEVELS: SchoolLevel[] = ['primary', 'lower_secondary', 'upper_secondary'];

/** The groups a table can be broken down by. Gender and ethnicity exist only for pupil-based indicators. */
export type Dimension = 'school' | 'commune' | 'level' | 'grade' | 'class' | 'gender' | 'ethnicity';
export const DIMENSIONS: Dimension[] = [
	'school',
	'commune',
	'level',
	'grade',
	'class',
	'gender',
	'ethnicity'
];
export const PUPIL_DIMENSIONS: Dimension[] = ['gender', 'ethnicity'];

export interface Scope {
	yearId: number;
	/** 'YYYY-MM-DD' bounds of the school year */
	yearStartsOn: string;
	yearEndsOn: string;
	period: Period;
	level?: SchoolLevel;
	commune?: string;
	schoolId?: number;
	classId?: number;
}

// The periods of a school year: its dates. This is the one definition of a period; migration 0008's
// progress_periods view is the same in SQL, and the mastery rollups take an attempt's semester from it
// (progress_class_semesters, migration 0024), as the province seed's bulk load does.

/** The school year under way on a date, as the demo and the province seeds make it: it turns over in August. */
export function schoolYearOf(now: number): {
	name: string;
	start: number;
	startsOn: string;
	endsOn: string;
} {
	const d = new Date(now);
	const start = d.getUTCMonth() >= 7 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
	return {
		name: `${start}–${start + 1}`,
		start,
		startsOn: `${start}-09-05`,
		endsOn: `${start + 1}-05-31`
	};
}

/** Semester 1 runs from the year's start to 31 December, semester 2 from 1 January to its end. */
export function semestersOf(period: Period): number[] {
	return period === 's1' ? [1] : period === 's2' ? [2] : [1, 2];
}

export function periodDates(scope: Pick<Scope, 'yearStartsOn' | 'yearEndsOn' | 'period'>): {
	from: string;
	to: string;
} {
	const start = Number(scope.yearStartsOn.slice(0, 4));
	if (scope.period === 's1') return { from: scope.yearStartsOn, to: `${start}-12-31` };
	if (scope.period === 's2') return { from: `${start + 1}-01-01`, to: scope.yearEndsOn };
	return { from: scope.yearStartsOn, to: scope.yearEndsOn };
}

/** Milliseconds: [from 00:00 UTC, the day after `to` 00:00 UTC). */
export function periodTimes(scope: Pick<Scope, 'yearStartsOn' | 'yearEndsOn' | 'period'>): {
	from: number;
	to: number;
} {
	const d = periodDates(scope);
	return {
		from: Date.parse(d.from + 'T00:00:00Z'),
		to: Date.parse(d.to + 'T00:00:00Z') + 86_400_000
	};
}

/**
 * The semester a time (ms) counts in for a school year: the period it falls in, 1 or 2, or 0 when it
 * falls outside the year's dates (such work counts in no period).
 */
export function semesterOf(
	year: Pick<Scope, 'yearStartsOn' | 'yearEndsOn'>,
	ms: number
): 0 | 1 | 2 {
	for (const [semester, period] of [
		[1, 's1'],
		[2, 's2']
	] as const) {
		const t = periodTimes({ ...year, period });
		if (ms >= t.from && ms < t.to) return semester;
	}
	return 0;
}

/** The WHERE conditions on `c` (classes) and `s` (schools) that the scope sets. */
export function classConditions(scope: Scope): RawBuilder<unknown> {
	const parts = [sql`c.school_year_id = ${scope.yearId}`];
	if (scope.level) parts.push(sql`s.level = ${scope.level}`);
	if (scope.commune) parts.push(sql`s.commune = ${scope.commune}`);
	if (scope.schoolId) parts.push(sql`s.id = ${scope.schoolId}`);
	if (scope.classId) parts.push(sql`c.id = ${scope.classId}`);
	return sql.join(parts, sql` AND `);
}

/**
 * Lets the requests that arrived meanwhile (a pupil's autosave) run: better-sqlite3 answers
 * synchronously, so a snapshot's queries in a row would otherwise hold the server.
 */
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Classes per slice when a snapshot reads a province's rows per class (see inClassSlices). */
export const CLASS_SLICE = 500;

/**
 * Reads rows of the scope's classes in slices of consecutive class ids, answering the requests that
 * came meanwhile between two slices: on SQLite one read of a province's 300,000 rows held the server
 * 0.2–0.4 s, and pupils' autosaves waited behind it. `read` gets the slice's condition on `c.id` (its
 * query joins classes as c and schools as s, with classConditions); the rows come back in slice order.
 */
export async function inClassSlices<R>(
	db: Conn,
	scope: Scope,
	read: (slice: RawBuilder<unknown>) => Promise<R[]>,
	size = CLASS_SLICE
): Promise<R[]> {
	const { rows: ids } = await sql<{ id: number }>`
		SELECT c.id FROM classes c JOIN schools s ON s.id = c.school_id
		WHERE ${classConditions(scope)} ORDER BY c.id`.execute(db);
	const out: R[] = [];
	for (let i = 0; i < ids.length; i += size) {
		if (i > 0) await yieldToRequests();
		const last = ids[Math.min(i + size, ids.length) - 1].id;
		for (const row of await read(sql`c.id BETWEEN ${ids[i].id} AND ${last}`)) out.push(row);
	}
	return out;
}

/**
 * The same conditions on a rollup kept per school (`alias`, with its school_year_id) and `s` (schools),
 * for the views above a single class.
 */
export function schoolConditions(scope: Scope, alias: 'g' | 'q'): RawBuilder<unknown> {
	const parts = [sql`${sql.raw(alias)}.school_year_id = ${scope.yearId}`];
	if (scope.level) parts.push(sql`s.level = ${scope.level}`);
	if (scope.commune) parts.push(sql`s.commune = ${scope.commune}`);
	if (scope.schoolId) parts.push(sql`s.id = ${scope.schoolId}`);
	return sql.join(parts, sql` AND `);
}

/**
 * The key and label of a group, as SQL over `c`, `s` and a table `g` holding gender and ethnicity.
 * Only these fixed expressions are ever spliced into SQL.
 */
export function groupExpressions(
	dim: Dimension | 'all',
	genderCol = 'g.gender',
	ethnicityCol = 'g.ethnicity'
) {
	const raw = (s: string) => sql.raw(s);
	switch (dim) {
		case 'all':
			return { key: raw("'all'"), label: raw("'all'") };
		case 'school':
			return { key: raw('s.id'), label: raw('s.name') };
		case 'commune':
			return { key: raw('s.commune'), label: raw('s.commune') };
		case 'level':
			return { key: raw('s.level'), label: raw('s.level') };
		case 'grade':
			return { key: raw('c.grade'), label: raw('c.grade') };
		case 'class':
			return { key: raw('c.id'), label: raw("s.name || ' · ' || c.name") };
		case 'gender':
			return { key: raw(`COALESCE(${genderCol}, '')`), label: raw(`COALESCE(${genderCol}, '')`) };
		case 'ethnicity':
			return {
				key: raw(`COALESCE(${ethnicityCol}, '')`),
				label: raw(`COALESCE(${ethnicityCol}, '')`)
			};
	}
}

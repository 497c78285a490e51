// One definition of a period (issue 13): a school year's dates. scope.ts, the progress_periods view
// (0008) and the mastery rollups' triggers (0024) must agree, including where the calendar-month rule
// the rollups used before (August onwards: semester 1) says otherwise.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { takeMastery } from './mastery';
import { periodTimes, PERIODS, semesterOf, type Scope } from './scope';

const { db } = openTestDatabase();

const YEARS = [
	// starts in late July: 30 July is semester 1 by its dates, semester 2 by the calendar month
	{ name: '2030–2031', starts_on: '2030-07-28', ends_on: '2031-05-31' },
	// starts in mid-August: 5 August is before the year, semester 1 by the calendar month
	{ name: '2031–2032', starts_on: '2031-08-15', ends_on: '2032-02-29' }
];

/** Each attempt's time, class (its year) and the semester the year's dates give it (0: outside). */
const ATTEMPTS: [string, 0 | 1, 0 | 1 | 2][] = [
	['2030-07-25T09:00:00Z', 0, 0],
	['2030-07-30T09:00:00Z', 0, 1],
	['2030-08-03T09:00:00Z', 0, 1],
	['2030-12-31T23:59:59.999Z', 0, 1],
	['2031-01-01T00:00:00Z', 0, 2],
	['2031-05-31T23:59:59.999Z', 0, 2],
	['2031-06-01T00:00:00Z', 0, 0],
	['2031-07-20T09:00:00Z', 0, 0],
	['2031-08-05T09:00:00Z', 1, 0],
	['2031-08-15T00:00:00Z', 1, 1],
	['2032-02-29T12:00:00Z', 1, 2],
	['2032-03-01T00:00:00Z', 1, 0]
];

const ids = { years: [] as number[], classes: [] as number[], school: 0 };
const scopeOf = (y: number, period: Scope['period']): Scope => ({
	yearId: ids.years[y],
	yearStartsOn: YEARS[y].starts_on,
	yearEndsOn: YEARS[y].ends_on,
	period
});

beforeAll(async () => {
	const school = await db
		.insertInto('schools')
		.values({
			name: 'TH Kỳ Lừa',
			commune: 'Phường Kỳ Lừa',
			level: 'primary',
			pilot_since: '2030-07-01',
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	ids.school = school.id;
	for (const y of YEARS) {
		const year = await db
			.insertInto('school_years')
			.values({ ...y, is_current: 0 })
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.years.push(year.id);
		const c = await db
			.insertInto('classes')
			.values({
				school_id: school.id,
				school_year_id: year.id,
				grade: 4,
				name: `4A ${y.name}`,
				join_code: `P${ids.years.length}XYZ`,
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.classes.push(c.id);
	}
	const pupil = await db
		.insertInto('users')
		.values({ role: 'student', school_id: school.id, full_name: 'Hoàng Văn An', created_at: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	const ex = await db
		.insertInto('exercises')
		.values({
			title: 'Vòng lặp',
			kind: 'maze',
			grade: 4,
			concept: 'loops',
			status: 'published',
			created_at: 0,
			updated_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	// Attempt i uses 2^i hints: a semester's sum of hints names the attempts counted in it.
	for (const [i, [iso, y]] of ATTEMPTS.entries())
		await db
			.insertInto('exercise_attempts')
			.values({
				exercise_id: ex.id,
				pupil_id: pupil.id,
				class_id: ids.classes[y],
				passed: 1,
				stars: 3,
				hints_used: 2 ** i,
				time_spent_ms: 0,
				created_at: Date.parse(iso)
			})
			.execute();
});

describe('a school year’s periods', () => {
	it('are bounded the same by scope.ts and by the progress_periods and progress_class_semesters views', async () => {
		for (const y of [0, 1]) {
			const { rows } = await sql<{ period: string; from_ms: number; to_ms: number }>`
				SELECT period, from_ms, to_ms FROM progress_periods WHERE school_year_id = ${ids.years[y]}`.execute(
				db
			);
			const inSql = Object.fromEntries(
				rows.map((r) => [r.period, { from: Number(r.from_ms), to: Number(r.to_ms) }])
			);
			expect(inSql).toEqual(
				Object.fromEntries(PERIODS.map((p) => [p, periodTimes(scopeOf(y, p))]))
			);
			const sems = await sql<{ semester: number; from_ms: number; to_ms: number }>`
				SELECT semester, from_ms, to_ms FROM progress_class_semesters WHERE class_id = ${ids.classes[y]}
				ORDER BY semester`.execute(db);
			expect(
				sems.rows.map((r) => [Number(r.semester), Number(r.from_ms), Number(r.to_ms)])
			).toEqual(
				[1, 2].map((s) => {
					const t = periodTimes(scopeOf(y, s === 1 ? 's1' : 's2'));
					return [s, t.from, t.to];
				})
			);
		}
	});

	it('give each time one semester, or none outside the year’s dates', () => {
		for (const [iso, y, semester] of ATTEMPTS)
			expect(semesterOf(scopeOf(y, 'year'), Date.parse(iso)), iso).toBe(semester);
	});
});

describe('the mastery rollups', () => {
	/** Hints summed per semester: which attempts each semester counted. */
	const expected = (y: number) => {
		const out: Record<number, number> = {};
		for (const [i, [, yy, s]] of ATTEMPTS.entries()) if (yy === y) out[s] = (out[s] ?? 0) + 2 ** i;
		return out;
	};
	const bySemester = async (table: string, where: string, id: number) => {
		const { rows } = await sql<{ semester: number; hints: number }>`
			SELECT semester, SUM(hints) AS hints FROM ${sql.table(table)}
			WHERE ${sql.ref(where)} = ${id} GROUP BY semester`.execute(db);
		return Object.fromEntries(rows.map((r) => [Number(r.semester), Number(r.hints)]));
	};

	it('count an attempt in the semester of its class’s year it falls in (0 outside the year), per class and per school', async () => {
		for (const y of [0, 1]) {
			expect(await bySemester('progress_mastery_rollup', 'class_id', ids.classes[y])).toEqual(
				expected(y)
			);
			expect(await bySemester('progress_mastery_class', 'class_id', ids.classes[y])).toEqual(
				expected(y)
			);
			expect(await bySemester('progress_mastery_school', 'school_year_id', ids.years[y])).toEqual(
				expected(y)
			);
		}
		// The late-July start: 30 July and 3 August in semester 1; 25 July, June and July after in none.
		expect(expected(0)).toEqual({ 0: 2 ** 0 + 2 ** 6 + 2 ** 7, 1: 2 + 4 + 8, 2: 16 + 32 });
	});

	it('are what the dashboard reads per period: nothing outside the year’s dates', async () => {
		for (const y of [0, 1]) {
			const e = expected(y);
			for (const [period, sems] of [
				['s1', [1]],
				['s2', [2]],
				['year', [1, 2]]
			] as const) {
				const f = await takeMastery(db, scopeOf(y, period));
				const hints = f.concepts.reduce((n, c) => n + c[5], 0);
				expect(hints, `${YEARS[y].name} ${period}`).toBe(sems.reduce((n, s) => n + (e[s] ?? 0), 0));
			}
		}
	});
});

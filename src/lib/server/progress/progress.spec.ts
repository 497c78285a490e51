import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { buildTestPilot, type TestPilot } from '../reports/testdata';
import { classGrid, isStuck } from './grid';
import { classPlan, checkPlanned, setPlan } from './plans';
import { myProgress } from './pupil';

const { db } = openTestDatabase();
let t: TestPilot;
beforeAll(async () => {
	t = await buildTestPilot(db);
});

describe('class grid', () => {
	it('is stuck after 3 attempts or 3 hints without a pass', () => {
		expect(isStuck({ status: 'tried', attempts: 3, hints: 0 })).toBe(true);
		expect(isStuck({ status: 'tried', attempts: 1, hints: 3 })).toBe(true);
		expect(isStuck({ status: 'passed', attempts: 9, hints: 9 })).toBe(false);
		expect(isStuck({ status: 'tried', attempts: 2, hints: 2 })).toBe(false);
	});
	it('has a row per pupil and a column per exercise tried, with best stars and counts', async () => {
		const grid = await classGrid(db, t.class4A, 'stars');
		expect(grid.columns.map((c) => c.title)).toEqual(['Vòng lặp']);
		expect(grid.rows).toHaveLength(12);
		const first = grid.rows[0];
		expect(first.pupilId).toBe(t.pupilsA[0]);
		expect(first.cells[0]).toEqual({
			status: 'passed',
			stars: 3,
			attempts: 2,
			hints: 0,
			stuck: false
		});
		const failed = grid.rows.find((r) => r.pupilId === t.pupilsA[11])!;
		expect(failed.cells[0]).toMatchObject({ status: 'tried', stars: 0, attempts: 1, hints: 1 });
	});
	it('sorts stuck pupils first', async () => {
		await db
			.insertInto('exercise_attempts')
			.values(
				[0, 1, 2].map(() => ({
					exercise_id: 1,
					pupil_id: t.pupilsA[11],
					class_id: t.class4A,
					passed: 0,
					stars: 0,
					hints_used: 0,
					time_spent_ms: 0,
					created_at: Date.parse('2025-10-12')
				}))
			)
			.execute();
		const grid = await classGrid(db, t.class4A, 'stuck');
		expect(grid.rows[0]).toMatchObject({ pupilId: t.pupilsA[11], stuck: 1 });
		expect(grid.rows[0].cells[0]).toMatchObject({ attempts: 4, stuck: true });
	});
});

describe('lesson plan', () => {
	it('counts lessons taught per semester against the plan', async () => {
		expect(await classPlan(db, t.class4A)).toEqual([
			{ semester: 1, planned: 4, lessons: 2, periods: 3, ofPlan: 50 },
			{ semester: 2, planned: 4, lessons: 1, periods: 2, ofPlan: 25 }
		]);
		await setPlan(db, t.class4A, 2, 2, t.teacherA);
		expect((await classPlan(db, t.class4A))[1].ofPlan).toBe(50);
		// The year runs 5 September to 31 May: a lesson on 20 August (semester 1 by the calendar month)
		// or on 15 June is outside both semesters, as the dashboard's periods count it.
		const lesson = await db.selectFrom('lessons').select('id').executeTakeFirstOrThrow();
		await db
			.insertInto('lesson_teachings')
			.values(
				['2025-08-20', '2026-06-15'].map((on) => ({
					lesson_id: lesson.id,
					class_id: t.class4A,
					teacher_id: t.teacherA,
					taught_on: on,
					periods: 1,
					created_at: 0
				}))
			)
			.execute();
		expect((await classPlan(db, t.class4A)).map((p) => p.lessons)).toEqual([2, 1]);
		expect(checkPlanned('12')).toBe(12);
		expect(checkPlanned('-1')).toBeNull();
		expect(checkPlanned('201')).toBeNull();
		expect(checkPlanned('abc')).toBeNull();
	});
});

describe('my progress', () => {
	it('exercises solved and stars by concept, along the path', async () => {
		const p = await myProgress(db, t.pupilsB[0]);
		expect(p.map((c) => c.concept)).toEqual([
			'sequence',
			'loops',
			'conditions',
			'variables',
			'functions'
		]);
		expect(p.find((c) => c.concept === 'conditions')).toEqual({
			concept: 'conditions',
			tried: 1,
			solved: 1,
			stars: 3
		});
		expect(p.find((c) => c.concept === 'loops')).toEqual({
			concept: 'loops',
			tried: 0,
			solved: 0,
			stars: 0
		});
	});
});

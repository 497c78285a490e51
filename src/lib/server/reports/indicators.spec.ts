import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { buildTestPilot, NOW, type TestPilot } from './testdata';
import { reach } from './reach';
import { mastery, masteryByConcept, masteryByConceptGrade } from './mastery';
import { dosage } from './dosage';
import { adoption } from './adoption';
import { weeklyActive } from './weekly';
import { hideSmall, shown, MIN_GROUP } from './hide';
import { periodDates } from './scope';

const { db } = openTestDatabase();
let t: TestPilot;
beforeAll(async () => {
	t = await buildTestPilot(db);
});

describe('small groups', () => {
	it('hides the figures of a group of fewer than 10 pupils, and only those', () => {
		expect(MIN_GROUP).toBe(10);
		expect(hideSmall({ a: 1, b: 2 }, 9, ['a'] as const)).toEqual({ a: null, b: 2, hidden: true });
		expect(hideSmall({ a: 1, b: 2 }, 10, ['a'] as const)).toEqual({ a: 1, b: 2, hidden: false });
		expect(shown(null, true)).toBe('< 10');
		expect(shown(7, false)).toBe(7);
	});
});

describe('periods', () => {
	it('splits the year at 1 January', () => {
		const y = { yearStartsOn: '2025-09-05', yearEndsOn: '2026-05-31' };
		expect(periodDates({ ...y, period: 's1' })).toEqual({ from: '2025-09-05', to: '2025-12-31' });
		expect(periodDates({ ...y, period: 's2' })).toEqual({ from: '2026-01-01', to: '2026-05-31' });
	});
});

describe('reach', () => {
	it('counts schools, classes, teachers, pupils and pupils active in the last 30 days', async () => {
		const [all] = await reach(db, t.scope(), 'all', NOW);
		expect(all).toMatchObject({
			schools: 2,
			classes: 2,
			teachers: 2,
			pupils: 20,
			active: 2,
			hidden: false
		});
	});
	it('hides the pupils of a school with fewer than 10', async () => {
		const rows = await reach(db, t.scope(), 'school', NOW);
		expect(rows.find((r) => r.label === 'TH A')).toMatchObject({
			pupils: 12,
			active: 1,
			teachers: 1,
			hidden: false
		});
		expect(rows.find((r) => r.label === 'THCS B')).toMatchObject({
			pupils: null,
			active: null,
			teachers: 1,
			hidden: true
		});
	});
	it('breaks pupils down by gender, hiding the 6 boys', async () => {
		const rows = await reach(db, t.scope(), 'gender', NOW);
		expect(rows.find((r) => r.key === 'female')).toMatchObject({
			pupils: 14,
			hidden: false,
			classes: null
		});
		expect(rows.find((r) => r.key === 'male')).toMatchObject({ pupils: null, hidden: true });
	});
	it('filters by school level', async () => {
		const [all] = await reach(db, t.scope({ level: 'primary' }), 'all', NOW);
		expect(all).toMatchObject({ schools: 1, pupils: 12 });
	});
});

describe('mastery', () => {
	it('sums attempts, pass rate, stars per pass and hints per attempt over the year', async () => {
		const [all] = await mastery(db, t.scope(), 'all', NOW);
		expect(all).toMatchObject({
			attempts: 29,
			passed: 15,
			passRate: 51.7,
			avgStars: 2.6,
			hintsPerAttempt: 0.76
		});
	});
	it('keeps to the semester chosen', async () => {
		const [s1] = await mastery(db, t.scope({ period: 's1' }), 'all', NOW);
		expect(s1).toMatchObject({ attempts: 28, passed: 14, passRate: 50 });
		const [s2] = await mastery(db, t.scope({ period: 's2' }), 'all', NOW);
		expect(s2).toMatchObject({ attempts: 1, passed: 1, avgStars: 3 });
	});
	it('by school, hiding the school of 8 pupils', async () => {
		const rows = await mastery(db, t.scope(), 'school', NOW);
		expect(rows.find((r) => r.label === 'TH A')).toMatchObject({
			attempts: 13,
			passed: 7,
			passRate: 53.8,
			avgStars: 2.14,
			hintsPerAttempt: 0.46
		});
		expect(rows.find((r) => r.label === 'THCS B')).toMatchObject({
			attempts: null,
			passRate: null,
			hidden: true
		});
	});
	it('by gender', async () => {
		const rows = await mastery(db, t.scope(), 'gender', NOW);
		expect(rows.find((r) => r.key === 'female')).toMatchObject({
			pupils: 14,
			attempts: 19,
			passed: 11,
			passRate: 57.9,
			avgStars: 2.45,
			hintsPerAttempt: 0.63
		});
		expect(rows.find((r) => r.key === 'male')?.hidden).toBe(true);
	});
	it('by concept and grade, and by concept', async () => {
		const rows = await masteryByConceptGrade(db, t.scope(), NOW);
		expect(rows.find((r) => r.key === 'loops|4')).toMatchObject({
			attempts: 13,
			passed: 7,
			hidden: false
		});
		expect(rows.find((r) => r.key === 'conditions|6')).toMatchObject({
			attempts: null,
			hidden: true
		});
		const byConcept = await masteryByConcept(db, t.scope(), NOW);
		expect(byConcept.find((r) => r.key === 'conditions')).toMatchObject({
			attempts: 16,
			passed: 8,
			passRate: 50
		});
		expect(byConcept.find((r) => r.key === 'functions')).toMatchObject({
			attempts: 0,
			passRate: null
		});
	});
	it('a class below 10 pupils shows nothing, even drilled into', async () => {
		const [cls] = await mastery(db, t.scope({ classId: t.class6A }), 'all', NOW);
		expect(cls.hidden).toBe(true);
		expect(cls.passRate).toBeNull();
	});
});

describe('weekly active pupils', () => {
	it('counts each pupil once a week, and hides a week of fewer than 10', async () => {
		const weeks = await weeklyActive(db, t.scope());
		expect(weeks).toEqual([
			{ week: '2025-10-06', pupils: 20, hidden: false },
			{ week: '2026-02-09', pupils: null, hidden: true }
		]);
	});
});

describe('dosage', () => {
	it('lessons taught against the plan, per school and semester', async () => {
		const rows = await dosage(db, t.scope(), 'school');
		expect(rows.find((r) => r.label === 'TH A')).toMatchObject({
			lessonsTaught: 3,
			periods: 5,
			planned: 8,
			ofPlan: 37.5
		});
		expect(rows.find((r) => r.label === 'THCS B')).toMatchObject({
			lessonsTaught: 1,
			periods: 3,
			planned: 2,
			ofPlan: 50
		});
		const s1 = await dosage(db, t.scope({ period: 's1' }), 'school');
		expect(s1.find((r) => r.label === 'TH A')).toMatchObject({
			lessonsTaught: 2,
			planned: 4,
			ofPlan: 50
		});
		expect(s1.find((r) => r.label === 'THCS B')).toMatchObject({
			lessonsTaught: 0,
			planned: 0,
			ofPlan: null
		});
	});
});

describe('teacher adoption', () => {
	it('lessons written, adapted, taught and exercises authored per school', async () => {
		const rows = await adoption(db, t.scope(), 'school');
		expect(rows.find((r) => r.label === 'TH A')).toEqual({
			key: String(t.schoolA),
			label: 'TH A',
			teachers: 1,
			teachersTeaching: 1,
			lessonsWritten: 1,
			lessonsAdapted: 0,
			lessonsTaught: 3,
			exercisesAuthored: 1
		});
		expect(rows.find((r) => r.label === 'THCS B')).toMatchObject({
			teachers: 1,
			teachersTeaching: 1,
			lessonsWritten: 0,
			lessonsAdapted: 1,
			lessonsTaught: 1,
			exercisesAuthored: 0
		});
		const s1 = await adoption(db, t.scope({ period: 's1' }), 'all');
		expect(s1[0]).toMatchObject({
			teachers: 2,
			teachersTeaching: 1,
			lessonsWritten: 1,
			lessonsAdapted: 0,
			lessonsTaught: 2
		});
	});
});

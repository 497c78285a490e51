// The rollups of migration 0008 stay right as work changes: the dashboard reads them, never the reviews,
// hand-ins or attempts, so each change below must show in the indicators at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { addProject, addReview, addTeam, buildTestPilot, NOW, type TestPilot } from './testdata';
import { liveFigures, qualityFigures, takeQuality, takeTeams, teamsFigures } from './modules';
import { inScope, reach, rosterCells } from './reach';
import { buildTables } from './dashboard';
import { mastery } from './mastery';

const { db } = openTestDatabase();
let t: TestPilot;
let t1: number;
let t2: number;
const at = (iso: string) => Date.parse(iso + 'T08:00:00Z');
const quality = async (dim: 'all' | 'gender' = 'all') =>
	(await liveFigures(takeQuality, qualityFigures, db, t.scope(), dim)).rows;
const pending = async () =>
	(
		await db
			.selectFrom('progress_project_changes')
			.select((e) => e.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	).n;

beforeAll(async () => {
	t = await buildTestPilot(db);
	const p = await addProject(db, t.schoolA, t.teacherA, 'project', '2025-10-01', '2025-10-20');
	// 4A: T1 = pupils 0–5 (girls), T2 = pupils 6–11 (6–9 girls, 10–11 boys).
	t1 = await addTeam(db, p, t.class4A, t.pupilsA.slice(0, 6), ['ask', 'build'], '2025-10-19');
	t2 = await addTeam(db, p, t.class4A, t.pupilsA.slice(6, 12), ['ask'], '2025-10-19');
	await addReview(db, t1, t.teacherA, '2025-10-25', [4, 2]);
	await addReview(db, t2, t.teacherA, '2025-10-25', [2, 4]);
});

describe('above a class and within it', () => {
	it('the breakdowns by gender and ethnicity give the same figures from the per-school and the per-class rollups', async () => {
		// School A has one class, 4A: its figures read per school must equal those read per class.
		for (const dim of ['gender', 'ethnicity'] as const) {
			const bySchool = await liveFigures(
				takeQuality,
				qualityFigures,
				db,
				t.scope({ schoolId: t.schoolA }),
				dim
			);
			const byClass = await liveFigures(
				takeQuality,
				qualityFigures,
				db,
				t.scope({ classId: t.class4A }),
				dim
			);
			expect(bySchool.rows.some((r) => !r.hidden)).toBe(dim === 'gender');
			expect(bySchool, dim).toEqual(byClass);
			const m1 = await mastery(db, t.scope({ schoolId: t.schoolA }), dim, NOW);
			const m2 = await mastery(db, t.scope({ classId: t.class4A }), dim, NOW);
			expect(m1.some((r) => r.attempts)).toBe(dim === 'gender');
			expect(m1, dim).toEqual(m2);
		}
	});
});

describe('project quality, kept per class as reviews and teams change', () => {
	it('starts from the reviews there are', async () => {
		// criterion 0: six at 100 %, six at 50 %; criterion 1: six at 50 %, six at 100 %.
		expect((await quality())[0]).toMatchObject({
			hidden: false,
			values: { crit_0: 75, crit_1: 75, average: 75, teams: 2, reviews: 2, pupils: 12 }
		});
		expect(await pending()).toBe(0);
	});

	it('a later review of a team replaces its earlier one', async () => {
		await addReview(db, t2, t.teacherA, '2025-11-02', [4, 4]);
		expect((await quality())[0].values).toMatchObject({
			crit_0: 100,
			crit_1: 75,
			teams: 2,
			pupils: 12
		});
	});

	it('a pupil taken off a team no longer counts', async () => {
		await db
			.deleteFrom('team_members')
			.where('team_id', '=', t2)
			.where('pupil_id', '=', t.pupilsA[11])
			.execute();
		// 11 pupils: criterion 1 is six at 50 % and five at 100 %.
		expect((await quality())[0].values).toMatchObject({ crit_1: 72.7, pupils: 11 });
	});

	it('a pupil whose gender is corrected moves group', async () => {
		const girls = async () => (await quality('gender')).find((r) => r.key === 'female')!;
		expect(await girls()).toMatchObject({ hidden: false, values: { pupils: 10, teams: 2 } });
		await db
			.updateTable('pupil_profiles')
			.set({ gender: 'male' })
			.where('user_id', '=', t.pupilsA[9])
			.execute();
		expect(await girls()).toMatchObject({ hidden: true, values: { pupils: null } });
	});

	it('a review made in another period counts only in that period', async () => {
		await addReview(db, t1, t.teacherA, '2026-02-03', [0, 0]);
		const s1 = (
			await liveFigures(takeQuality, qualityFigures, db, t.scope({ period: 's1' }), 'all')
		).rows[0];
		const year = (await quality())[0];
		// Semester 1 keeps T1's October review (100 %); the year takes its latest, February's (0 %).
		expect(s1.values).toMatchObject({ crit_0: 100 });
		expect(year.values).toMatchObject({ crit_0: 45.5 });
		expect(await pending()).toBe(0);
	});
});

describe('teams that handed in every step, kept as hand-ins arrive', () => {
	it('counts a team once its last step is handed in', async () => {
		const complete = async () =>
			(await liveFigures(takeTeams, teamsFigures, db, t.scope(), 'all')).rows[0].values;
		expect(await complete()).toEqual({ teams: 2, teams_complete: 1, share_complete: 50 });
		await db
			.insertInto('submissions')
			.values({
				team_id: t2,
				step_key: 'build',
				submitted_by: t.pupilsA[6],
				submitted_at: at('2025-10-20')
			})
			.execute();
		expect(await complete()).toEqual({ teams: 2, teams_complete: 2, share_complete: 100 });
	});
});

describe('pupils active in the last 30 days', () => {
	it('of a period that is over, counts back from its end, not from today', async () => {
		const active = async (period: 'year' | 's1') =>
			(await reach(db, t.scope({ period }), 'school', NOW)).find((r) => r.label === 'TH A')!.active;
		// Today (20 Feb): pupil 0 of 4A worked on 10 February. In semester 1 nobody worked in December.
		expect(await active('year')).toBe(1);
		expect(await active('s1')).toBe(0);
		await db
			.insertInto('exercise_attempts')
			.values({
				exercise_id: (await db.selectFrom('exercises').select('id').executeTakeFirstOrThrow()).id,
				pupil_id: t.pupilsA[3],
				class_id: t.class4A,
				passed: 1,
				stars: 2,
				hints_used: 0,
				time_spent_ms: 1000,
				created_at: at('2025-12-20')
			})
			.execute();
		expect(await active('s1')).toBe(1);
		expect(await active('year')).toBe(1);
	});

	it('says which 30 days it counts', async () => {
		const header = async (period: 'year' | 's1') =>
			(await buildTables(db, t.scope({ period }), 'school', NOW)).find((x) => x.id === 'reach')!
				.columns[5];
		expect(await header('s1')).not.toBe(await header('year'));
		expect(await header('s1')).toContain('30');
	});
});

describe("a view's roster cut out of the province's", () => {
	it('equals the roster computed for the view itself', async () => {
		const province = await rosterCells(db, t.scope(), NOW);
		for (const extra of [
			{ level: 'primary' as const },
			{ commune: 'Xã Đồng Đăng' },
			{ schoolId: t.schoolA },
			{ classId: t.class6A },
			{ schoolId: t.schoolB, level: 'primary' as const }
		]) {
			const own = await rosterCells(db, t.scope(extra), NOW);
			expect(inScope(province, t.scope(extra)), JSON.stringify(extra)).toEqual(own);
		}
		expect(inScope(province, t.scope({ schoolId: t.schoolB, level: 'primary' }))).toEqual([]);
	});
});

// The project indicators on a small hand-made pilot (testdata.ts) plus three teams with known answers:
// 4A (12 pupils): team T1 (pupils 0–5) and T2 (pupils 6–11) of project P1; 6A: team T3 (pupils 0–3) of P2.
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { addProject, addReview, addTeam, buildTestPilot, NOW, type TestPilot } from './testdata';
import {
	assignedFigures,
	liveFigures,
	qualityFigures,
	takeAssigned,
	takeQuality,
	takeTeams,
	teamsFigures
} from './modules';
import { buildTables } from './dashboard';

const { db } = openTestDatabase();
let t: TestPilot;

beforeAll(async () => {
	t = await buildTestPilot(db);
	const p1 = await addProject(db, t.schoolA, t.teacherA, 'project', '2025-10-01', '2025-10-20');
	await addProject(db, t.schoolA, t.teacherA, 'exercises', '2025-10-02', '2025-10-30');
	const p2 = await addProject(db, t.schoolB, t.teacherB, 'project', '2026-01-05', '2026-01-20');
	const t1 = await addTeam(
		db,
		p1,
		t.class4A,
		t.pupilsA.slice(0, 6),
		['ask', 'build', null],
		'2025-10-19'
	);
	const t2 = await addTeam(db, p1, t.class4A, t.pupilsA.slice(6, 12), ['ask'], '2025-10-19');
	const t3 = await addTeam(
		db,
		p2,
		t.class6A,
		t.pupilsB.slice(0, 4),
		['ask', 'build'],
		'2026-01-19'
	);
	await addReview(db, t1, t.teacherA, '2025-10-21', [1, 1]); // replaced by the later review
	await addReview(db, t1, t.teacherA, '2025-10-25', [4, 2]);
	await addReview(
		db,
		t2,
		t.teacherA,
		'2025-10-25',
		[2, 4],
		[{ pupil: t.pupilsA[6], criterion: 1, points: 0 }]
	);
	await addReview(db, t3, t.teacherB, '2026-01-25', [3]);
});

describe('project quality', () => {
	it('averages the latest review per criterion over the team members, adjusted scores included', async () => {
		const q = await liveFigures(takeQuality, qualityFigures, db, t.scope(), 'school');
		expect(q.columns).toEqual(['crit_0', 'crit_1', 'average', 'teams', 'reviews', 'pupils']);
		expect(q.titles).toEqual({ crit_0: 'Thiết kế', crit_1: 'Hợp tác' });
		// crit 0: six at 100 %, six at 50 %; crit 1: six at 50 %, five at 100 %, one adjusted to 0 %.
		expect(q.rows.find((r) => r.label === 'TH A')).toMatchObject({
			hidden: false,
			values: { crit_0: 75, crit_1: 66.7, average: 70.8, teams: 2, reviews: 2, pupils: 12 }
		});
	});
	it('hides a school of 4 reviewed pupils, and a gender group of 2', async () => {
		const q = await liveFigures(takeQuality, qualityFigures, db, t.scope(), 'school');
		expect(q.rows.find((r) => r.label === 'THCS B')).toMatchObject({
			hidden: true,
			values: { crit_0: null, average: null, pupils: null }
		});
		const g = await liveFigures(takeQuality, qualityFigures, db, t.scope(), 'gender');
		// girls: 0–5 of 4A at 100 %, 6–9 at 50 %, 0–3 of 6A at 75 %.
		expect(g.rows.find((r) => r.key === 'female')).toMatchObject({
			hidden: false,
			values: { crit_0: 78.6, pupils: 14, teams: 3 }
		});
		expect(g.rows.find((r) => r.key === 'male')).toMatchObject({
			hidden: true,
			values: { crit_0: null }
		});
	});
	it('over the whole scope, and only the reviews of the period', async () => {
		const [all] = (await liveFigures(takeQuality, qualityFigures, db, t.scope(), 'all')).rows;
		expect(all.values).toMatchObject({ crit_0: 75, crit_1: 66.7, teams: 3, pupils: 16 });
		const [s2] = (
			await liveFigures(takeQuality, qualityFigures, db, t.scope({ period: 's2' }), 'all')
		).rows;
		expect(s2).toMatchObject({ hidden: true, values: { teams: null } });
	});
});

describe('teams complete', () => {
	it('counts the teams that handed in every step', async () => {
		const all = await liveFigures(takeTeams, teamsFigures, db, t.scope(), 'all');
		expect(all.rows[0].values).toEqual({ teams: 3, teams_complete: 2, share_complete: 66.7 });
		const bySchool = await liveFigures(takeTeams, teamsFigures, db, t.scope(), 'school');
		expect(bySchool.rows.find((r) => r.label === 'TH A')?.values).toEqual({
			teams: 2,
			teams_complete: 1,
			share_complete: 50
		});
		const s1 = await liveFigures(takeTeams, teamsFigures, db, t.scope({ period: 's1' }), 'all');
		expect(s1.rows[0].values).toEqual({ teams: 2, teams_complete: 1, share_complete: 50 });
	});
});

describe('assignments made', () => {
	it('per school and over the period', async () => {
		const bySchool = await liveFigures(takeAssigned, assignedFigures, db, t.scope(), 'school');
		expect(bySchool.rows.find((r) => r.label === 'TH A')?.values).toEqual({
			teachers: 1,
			teachers_assigning: 1,
			assigned: 2,
			projects: 1,
			exercise_sets: 1,
			per_teacher: 2
		});
		const s1 = await liveFigures(
			takeAssigned,
			assignedFigures,
			db,
			t.scope({ period: 's1' }),
			'all'
		);
		expect(s1.rows[0].values).toEqual({
			teachers: 2,
			teachers_assigning: 1,
			assigned: 2,
			projects: 1,
			exercise_sets: 1,
			per_teacher: 1
		});
	});
});

describe('the dashboard', () => {
	it('shows the project tables, "< 10" for a small group, and the rubric profile chart', async () => {
		const tables = await buildTables(db, t.scope(), 'school', NOW);
		const q = tables.find((x) => x.id === 'project_quality')!;
		expect(q.rows.find((r) => r.label === 'TH A')?.cells).toEqual([75, 66.7, 70.8, 2, 2, 12]);
		expect(q.rows.find((r) => r.label === 'THCS B')?.cells[0]).toBe('< 10');
		const profile = tables.find((x) => x.id === 'rubric_profile')!;
		expect(profile.chart).toEqual({ type: 'bar', valueIndex: 2, max: 100 });
		expect(tables.find((x) => x.id === 'teams_complete')?.rows.length).toBe(2);
		expect(tables.find((x) => x.id === 'assignments')?.rows.length).toBe(2);
	});
});

describe('column headers', () => {
	it('no table repeats a header, whatever the breakdown (a class drill-down said "Lớp" twice)', async () => {
		for (const dim of ['school', 'class', 'grade', 'gender'] as const) {
			const tables = await buildTables(db, t.scope(), dim, NOW);
			for (const table of tables)
				expect(new Set(table.columns).size, `${dim}: ${table.id}`).toBe(table.columns.length);
		}
	});
});

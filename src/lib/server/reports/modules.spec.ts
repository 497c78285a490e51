// The project indicators on a small hand-made pilot (testdata.ts) plus three teams with known answers:
// 4A (12 pupils): team T1 (pupils 0–5) and T2 (pupils 6–11) of project P1; 6A: team T3 (pupils 0–3) of P2.
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { buildTestPilot, NOW, type TestPilot } from './testdata';
import { assignmentsMade, projectQuality, teamsComplete } from './modules';
import { buildTables } from './dashboard';

const { db } = openTestDatabase();
let t: TestPilot;
const at = (iso: string) => Date.parse(iso + 'T08:00:00Z');

async function project(schoolId: number, teacherId: number, kind: 'project' | 'exercises', created: string, due: string) {
	const a = await db
		.insertInto('assignments')
		.values({ school_id: schoolId, teacher_id: teacherId, kind, title: 'P', instructions: '', lesson_id: null, process: kind === 'project' ? 'engineering' : null, rubric_json: null, opens_on: created, due_on: due, closed_at: null, created_at: at(created) })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (kind === 'project')
		await db.insertInto('project_steps').values([{ assignment_id: a.id, position: 0, key: 'ask', label: 'Hỏi' }, { assignment_id: a.id, position: 1, key: 'build', label: 'Làm' }]).execute();
	return a.id;
}

async function team(assignmentId: number, classId: number, pupils: number[], steps: string[], when: string) {
	const tm = await db.insertInto('teams').values({ assignment_id: assignmentId, class_id: classId, name: 'N', created_at: 0 }).returning('id').executeTakeFirstOrThrow();
	await db.insertInto('team_members').values(pupils.map((p) => ({ team_id: tm.id, assignment_id: assignmentId, pupil_id: p }))).execute();
	for (const s of steps) await db.insertInto('submissions').values({ team_id: tm.id, step_key: s, submitted_by: pupils[0], submitted_at: at(when) }).execute();
	return tm.id;
}

/** A review on `when` with the team's points per criterion (out of 4), and pupils' adjusted points. */
async function review(teamId: number, reviewer: number, when: string, points: number[], adjusted: { pupil: number; criterion: number; points: number }[] = []) {
	const r = await db
		.insertInto('reviews')
		.values({ team_id: teamId, reviewer_id: reviewer, feedback: '', total: points.reduce((a, b) => a + b, 0), max_total: 4 * points.length, returned_at: at(when), created_at: at(when) })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('review_scores')
		.values([
			...points.map((p, i) => ({ review_id: r.id, criterion: i, criterion_title: i === 0 ? 'Thiết kế' : 'Hợp tác', pupil_id: null, points: p, max_points: 4 })),
			...adjusted.map((a) => ({ review_id: r.id, criterion: a.criterion, criterion_title: 'Hợp tác', pupil_id: a.pupil, points: a.points, max_points: 4 }))
		])
		.execute();
}

beforeAll(async () => {
	t = await buildTestPilot(db);
	const p1 = await project(t.schoolA, t.teacherA, 'project', '2025-10-01', '2025-10-20');
	await project(t.schoolA, t.teacherA, 'exercises', '2025-10-02', '2025-10-30');
	const p2 = await project(t.schoolB, t.teacherB, 'project', '2026-01-05', '2026-01-20');
	const t1 = await team(p1, t.class4A, t.pupilsA.slice(0, 6), ['ask', 'build', null as never], '2025-10-19');
	const t2 = await team(p1, t.class4A, t.pupilsA.slice(6, 12), ['ask'], '2025-10-19');
	const t3 = await team(p2, t.class6A, t.pupilsB.slice(0, 4), ['ask', 'build'], '2026-01-19');
	await review(t1, t.teacherA, '2025-10-21', [1, 1]); // replaced by the later review
	await review(t1, t.teacherA, '2025-10-25', [4, 2]);
	await review(t2, t.teacherA, '2025-10-25', [2, 4], [{ pupil: t.pupilsA[6], criterion: 1, points: 0 }]);
	await review(t3, t.teacherB, '2026-01-25', [3]);
});

describe('project quality', () => {
	it('averages the latest review per criterion over the team members, adjusted scores included', async () => {
		const q = await projectQuality.compute!(db, t.scope(), 'school');
		expect(q.columns).toEqual(['crit_0', 'crit_1', 'average', 'teams', 'reviews', 'pupils']);
		expect(q.titles).toEqual({ crit_0: 'Thiết kế', crit_1: 'Hợp tác' });
		// crit 0: six at 100 %, six at 50 %; crit 1: six at 50 %, five at 100 %, one adjusted to 0 %.
		expect(q.rows.find((r) => r.label === 'TH A')).toMatchObject({ hidden: false, values: { crit_0: 75, crit_1: 66.7, average: 70.8, teams: 2, reviews: 2, pupils: 12 } });
	});
	it('hides a school of 4 reviewed pupils, and a gender group of 2', async () => {
		const q = await projectQuality.compute!(db, t.scope(), 'school');
		expect(q.rows.find((r) => r.label === 'THCS B')).toMatchObject({ hidden: true, values: { crit_0: null, average: null, pupils: null } });
		const g = await projectQuality.compute!(db, t.scope(), 'gender');
		// girls: 0–5 of 4A at 100 %, 6–9 at 50 %, 0–3 of 6A at 75 %.
		expect(g.rows.find((r) => r.key === 'female')).toMatchObject({ hidden: false, values: { crit_0: 78.6, pupils: 14, teams: 3 } });
		expect(g.rows.find((r) => r.key === 'male')).toMatchObject({ hidden: true, values: { crit_0: null } });
	});
	it('over the whole scope, and only the reviews of the period', async () => {
		const [all] = (await projectQuality.compute!(db, t.scope(), 'all')).rows;
		expect(all.values).toMatchObject({ crit_0: 75, crit_1: 66.7, teams: 3, pupils: 16 });
		const [s2] = (await projectQuality.compute!(db, t.scope({ period: 's2' }), 'all')).rows;
		expect(s2).toMatchObject({ hidden: true, values: { teams: null } });
	});
});

describe('teams complete', () => {
	it('counts the teams that handed in every step', async () => {
		const all = await teamsComplete.compute!(db, t.scope(), 'all');
		expect(all.rows[0].values).toEqual({ teams: 3, teams_complete: 2, share_complete: 66.7 });
		const bySchool = await teamsComplete.compute!(db, t.scope(), 'school');
		expect(bySchool.rows.find((r) => r.label === 'TH A')?.values).toEqual({ teams: 2, teams_complete: 1, share_complete: 50 });
		const s1 = await teamsComplete.compute!(db, t.scope({ period: 's1' }), 'all');
		expect(s1.rows[0].values).toEqual({ teams: 2, teams_complete: 1, share_complete: 50 });
	});
});

describe('assignments made', () => {
	it('per school and over the period', async () => {
		const bySchool = await assignmentsMade.compute!(db, t.scope(), 'school');
		expect(bySchool.rows.find((r) => r.label === 'TH A')?.values).toEqual({ teachers: 1, teachers_assigning: 1, assigned: 2, projects: 1, exercise_sets: 1, per_teacher: 2 });
		const s1 = await assignmentsMade.compute!(db, t.scope({ period: 's1' }), 'all');
		expect(s1.rows[0].values).toEqual({ teachers: 2, teachers_assigning: 1, assigned: 2, projects: 1, exercise_sets: 1, per_teacher: 1 });
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

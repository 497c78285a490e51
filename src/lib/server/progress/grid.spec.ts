// The class grid's assignment columns (issue 5's assignments), on the hand-made pilot's class 4A.
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { buildTestPilot, NOW, type TestPilot } from '../reports/testdata';
import { classGrid, type GridRow } from './grid';
import { cellText } from '$lib/progress-labels';

const { db } = openTestDatabase();
let t: TestPilot;
const at = (iso: string) => Date.parse(iso + 'T08:00:00Z');

async function assignment(kind: 'project' | 'exercises', title: string, due: string) {
	const a = await db
		.insertInto('assignments')
		.values({
			school_id: t.schoolA,
			teacher_id: t.teacherA,
			kind,
			title,
			instructions: '',
			lesson_id: null,
			process: null,
			rubric_json: null,
			opens_on: '2025-10-01',
			due_on: due,
			closed_at: null,
			created_at: at('2025-10-01')
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('assignment_targets')
		.values({ assignment_id: a.id, class_id: t.class4A, pupil_id: null })
		.execute();
	return a.id;
}

async function team(assignmentId: number, pupils: number[]) {
	const tm = await db
		.insertInto('teams')
		.values({ assignment_id: assignmentId, class_id: t.class4A, name: 'N', created_at: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('team_members')
		.values(pupils.map((p) => ({ team_id: tm.id, assignment_id: assignmentId, pupil_id: p })))
		.execute();
	await db
		.insertInto('portfolio_entries')
		.values({
			team_id: tm.id,
			step_key: 'ask',
			author_id: pupils[0],
			body_md: 'x',
			body_html: 'x',
			created_at: at('2025-10-05')
		})
		.execute();
	return tm.id;
}

beforeAll(async () => {
	t = await buildTestPilot(db);
	// The pilot's exercise 1: pupils 0–5 of 4A passed it on 10 October, 6–11 failed.
	const set = await assignment('exercises', 'Bộ vòng lặp', '2025-10-20');
	await db
		.insertInto('assignment_exercises')
		.values({ assignment_id: set, position: 0, exercise_id: 1 })
		.execute();
	const done = await assignment('project', 'Máy sấy', '2025-10-20');
	const t1 = await team(done, t.pupilsA.slice(0, 3));
	await team(done, t.pupilsA.slice(3, 6)); // started, never handed in
	await db
		.insertInto('submissions')
		.values({
			team_id: t1,
			step_key: null,
			submitted_by: t.pupilsA[0],
			submitted_at: at('2025-10-19')
		})
		.execute();
	// An older review, then the latest: 3/4 and 2/4, pupil 1 adjusted to 4/4 on the second criterion.
	for (const [when, pts] of [
		['2025-10-21', [1, 1]],
		['2025-10-25', [3, 2]]
	] as const) {
		const r = await db
			.insertInto('reviews')
			.values({
				team_id: t1,
				reviewer_id: t.teacherA,
				feedback: '',
				total: pts[0] + pts[1],
				max_total: 8,
				returned_at: at(when),
				created_at: at(when)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('review_scores')
			.values([
				{
					review_id: r.id,
					criterion: 0,
					criterion_title: 'A',
					pupil_id: null,
					points: pts[0],
					max_points: 4
				},
				{
					review_id: r.id,
					criterion: 1,
					criterion_title: 'B',
					pupil_id: null,
					points: pts[1],
					max_points: 4
				},
				{
					review_id: r.id,
					criterion: 1,
					criterion_title: 'B',
					pupil_id: t.pupilsA[1],
					points: 4,
					max_points: 4
				}
			])
			.execute();
	}
	const open = await assignment('project', 'Nhà sàn', '2026-03-01');
	await team(open, t.pupilsA.slice(0, 2));
	// Handed in after the due day.
	const late = await assignment('project', 'Cầu tre', '2026-01-10');
	const t4 = await team(late, t.pupilsA.slice(0, 2));
	await db
		.insertInto('submissions')
		.values({
			team_id: t4,
			step_key: null,
			submitted_by: t.pupilsA[0],
			submitted_at: at('2026-01-15')
		})
		.execute();
});

describe('class grid: assignment columns', () => {
	const cell = (rows: GridRow[], pupil: number, col: number) =>
		rows.find((r) => r.pupilId === pupil)!.cells[col];
	it('adds a column per assignment of the class, after the exercises, soonest due first', async () => {
		const g = await classGrid(db, t.class4A, 'name', undefined, NOW);
		expect(g.columns.map((c) => [c.id.slice(0, 3), c.title, c.detail])).toEqual([
			['ex:', 'Vòng lặp', 'loops'],
			['as:', 'Bộ vòng lặp', 'exercises'],
			['as:', 'Máy sấy', 'project'],
			['as:', 'Cầu tre', 'project'],
			['as:', 'Nhà sàn', 'project']
		]);
	});
	it("gives each pupil the status and a returned project's score", async () => {
		const { rows } = await classGrid(db, t.class4A, 'name', undefined, NOW);
		const p = t.pupilsA;
		expect(cell(rows, p[0], 1).work).toBe('submitted');
		expect(cell(rows, p[6], 1).work).toBe('missing');
		expect(cell(rows, p[0], 2)).toMatchObject({ work: 'returned', score: { points: 5, max: 8 } });
		expect(cell(rows, p[1], 2)).toMatchObject({ work: 'returned', score: { points: 7, max: 8 } });
		expect(cell(rows, p[3], 2)).toMatchObject({ work: 'missing' });
		expect(cell(rows, p[3], 2).score).toBeUndefined();
		expect(cell(rows, p[0], 3).work).toBe('late');
		expect(cell(rows, p[0], 4).work).toBe('in_progress');
		expect(cell(rows, p[5], 4).work).toBe('not_started');
		expect(cellText(cell(rows, p[1], 2))).toBe('Đã trả bài: 7/8');
	});
	it('leaves the exercise totals to the exercises', async () => {
		const { rows } = await classGrid(db, t.class4A, 'name', undefined, NOW);
		expect(rows.find((r) => r.pupilId === t.pupilsA[1])).toMatchObject({
			passed: 1,
			stars: 2,
			stuck: 0
		});
	});
});

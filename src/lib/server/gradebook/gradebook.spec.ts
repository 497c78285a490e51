import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { Conn } from '../db';
import { makeProject } from '../projects/testing';
import { createAssignment, getAssignment } from '../assignments/assignments';
import { extendDue } from '../assignments/changes';
import { getTeam } from '../projects/teams';
import { submit } from '../portfolios/portfolio';
import { returnReview } from '../projects/reviews';
import { actorFor } from '../audit/log';
import { startRubric } from '../projects/rubrics';
import { classGradebook } from './gradebook';
import { averagePercent, projectMark } from './marks';
import { cellText } from '$lib/gradebook-labels';
import { exportGradebook } from './book';

const at = (iso: string) => Date.parse(iso);

async function exercise(db: Conn, title: string) {
	const row = await db
		.insertInto('exercises')
		.values({
			title,
			kind: 'io',
			grade: 6,
			concept: 'loops',
			status: 'published',
			author_id: null,
			school_id: null,
			created_at: 0,
			updated_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

describe('marks', () => {
	it("a pupil's project total uses the teacher's adjustment for them, criterion by criterion", () => {
		const scores = [
			{ criterion: 0, pupilId: null, points: 3, maxPoints: 4 },
			{ criterion: 1, pupilId: null, points: 2, maxPoints: 4 },
			{ criterion: 1, pupilId: 7, points: 4, maxPoints: 4 }
		];
		expect(projectMark(scores, 7)).toEqual({ kind: 'project', points: 7, max: 8, score: 7 / 8 });
		expect(projectMark(scores, 8)).toMatchObject({ points: 5, max: 8 });
		expect(projectMark([], 7)).toBeNull();
		expect(averagePercent([0.5, null, 1, undefined])).toBe(75);
		expect(averagePercent([null])).toBeNull();
	});
});

describe('a class gradebook', () => {
	it('pupils × work: exercise passes and stars, rubric totals, late and missing in words, averages', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db, { opensOn: '2026-10-01', dueOn: '2026-10-20' });
		const [p0, p1, p2, p3] = p.pupils;
		const ex = [await exercise(db, 'Đèn giao thông'), await exercise(db, 'Tưới cây')];
		const set = await createAssignment(
			db,
			{ id: p.teacherId, schoolId: p.schoolId },
			{
				kind: 'exercises',
				title: 'Bộ bài vòng lặp',
				instructions: '',
				opensOn: '2026-10-01',
				dueOn: '2026-10-10',
				classIds: [p.classId],
				pupilIds: [],
				exerciseIds: ex,
				lessonId: null,
				process: '',
				rubricId: null
			}
		);
		if (!set.ok) throw new Error('setup');
		const attempt = (pupil: number, exercise: number, stars: number, iso: string) =>
			db
				.insertInto('exercise_attempts')
				.values({
					exercise_id: exercise,
					pupil_id: pupil,
					class_id: p.classId,
					passed: stars > 0 ? 1 : 0,
					stars,
					created_at: at(iso)
				})
				.execute();
		await attempt(p0, ex[0], 3, '2026-10-02T01:00:00Z');
		await attempt(p0, ex[0], 1, '2026-10-03T01:00:00Z'); // a worse try later: the best counts
		await attempt(p0, ex[1], 2, '2026-10-04T01:00:00Z');
		await attempt(p1, ex[0], 3, '2026-10-02T01:00:00Z');
		await attempt(p2, ex[0], 3, '2026-10-02T01:00:00Z');
		await attempt(p2, ex[1], 3, '2026-10-12T01:00:00Z'); // finished after the due day
		await attempt(p3, ex[0], 3, '2026-09-20T01:00:00Z'); // before the set opened: not counted
		// p3 was given until the 30th.
		await extendDue(db, (await getAssignment(db, set.id))!, '2026-10-30', [p3]);

		// The project: the team of p0 and p1 hands in and is scored, p1 adjusted on one criterion.
		const team = (await getTeam(db, p.teamId))!;
		await submit(db, team, null, p0, at('2026-10-15T00:00:00Z'));
		const criteria = startRubric([]);
		const teamPoints = criteria.map((c) => Math.max(...c.levels.map((l) => l.points)) - 1);
		const r = await returnReview(
			db,
			actorFor(p.teacherId),
			{
				teamId: p.teamId,
				criteria,
				scoring: {
					team: teamPoints,
					adjustments: new Map([[p1, criteria.map((_, i) => (i === 0 ? teamPoints[0] + 1 : null))]])
				},
				feedback: 'Tốt'
			},
			at('2026-10-16T00:00:00Z')
		);
		expect(r.ok).toBe(true);

		const g = await classGradebook(db, p.classId, at('2026-10-25T00:00:00Z'));
		expect(g.columns.map((c) => [c.title, c.kind])).toEqual([
			['Bộ bài vòng lặp', 'exercises'],
			['Máy sấy hoa hồi', 'project']
		]);
		const row = (id: number) => g.rows.find((x) => x.pupilId === id)!;
		const max = teamPoints.length
			? criteria.reduce((s, c) => s + Math.max(...c.levels.map((l) => l.points)), 0)
			: 0;
		const teamTotal = teamPoints.reduce((a, b) => a + b, 0);
		expect(row(p0).cells.map(cellText)).toEqual(['2/2 bài · 5★', `${teamTotal}/${max} điểm`]);
		expect(row(p1).cells.map(cellText)).toEqual([
			'1/2 bài · 3★ · Chưa nộp, quá hạn',
			`${teamTotal + 1}/${max} điểm`
		]);
		expect(row(p2).cells.map(cellText)).toEqual([
			'2/2 bài · 6★ · Nộp muộn',
			'Chưa nộp, quá hạn' // in no team, nothing handed in
		]);
		expect(row(p3).cells.map(cellText)[0]).toBe('Chưa bắt đầu · gia hạn đến 30/10/2026');
		expect(row(p0).average).toBe(Math.round(100 * ((1 + teamTotal / max) / 2)));
		expect(row(p3).average).toBeNull();
		expect(g.columns[0].average).toBe(Math.round(100 * ((1 + 0.5 + 1) / 3)));
	});

	it('work set for chosen pupils says "not set" for the others; the export names the class and is recorded', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const ex = [await exercise(db, 'Đèn giao thông')];
		const chosen = await createAssignment(
			db,
			{ id: p.teacherId, schoolId: p.schoolId },
			{
				kind: 'exercises',
				title: 'Bài thêm',
				instructions: '',
				opensOn: '2026-10-01',
				dueOn: '2026-10-10',
				classIds: [],
				pupilIds: [p.pupils[2]],
				exerciseIds: ex,
				lessonId: null,
				process: '',
				rubricId: null
			}
		);
		if (!chosen.ok) throw new Error(JSON.stringify(chosen.errors));
		const g = await classGradebook(db, p.classId, at('2026-10-05T00:00:00Z'));
		const col = g.columns.findIndex((c) => c.title === 'Bài thêm');
		expect(g.rows.map((r) => cellText(r.cells[col]))).toEqual(
			p.pupils.map((id) => (id === p.pupils[2] ? 'Chưa bắt đầu' : 'không giao'))
		);
		const cls = { id: p.classId, schoolId: p.schoolId, name: '6A1', schoolName: 'Trường' };
		const out = await exportGradebook(db, actorFor(p.teacherId), cls, at('2026-10-05T00:00:00Z'));
		expect(out.fileName).toBe('so-diem-6a1.xlsx');
		const rows = out.book.sheets[0].rows.map((r) => r.cells);
		expect(rows.filter((r) => p.pupils.length && typeof r[0] === 'string')).toHaveLength(
			p.pupils.length + 4
		);
		const entry = await db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
		expect([entry.action, entry.target_id]).toEqual(['export.gradebook', p.classId]);
	});
});

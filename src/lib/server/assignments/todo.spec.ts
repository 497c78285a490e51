import { actorFor } from '../audit/log';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { makeProject, makeSchool } from '../projects/testing';
import { addEntry, submit } from '../portfolios/portfolio';
import { returnReview } from '../projects/reviews';
import { createLesson, reviewLesson, submitLesson } from '../curriculum/lessons';
import { sampleLesson } from '../curriculum/testing';
import { createAssignment, getAssignment, setClosed } from './assignments';
import { startOfDay } from './status';
import {
	addDays,
	assignmentRows,
	dueThisWeek,
	returnedLessons,
	stuckPupils,
	teacherTodo,
	waitingReviews
} from './todo';

const at = (iso: string, hour = 9) => startOfDay(iso) + hour * 3600_000;

async function makeExercise(db: DB, title: string) {
	const { id } = await db
		.insertInto('exercises')
		.values({
			title,
			kind: 'maze',
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
	return id;
}

async function attempt(db: DB, pupil: number, exercise: number, when: number, passed = false) {
	await db
		.insertInto('exercise_attempts')
		.values({
			exercise_id: exercise,
			pupil_id: pupil,
			class_id: null,
			passed: passed ? 1 : 0,
			stars: passed ? 3 : 0,
			hints_used: 0,
			time_spent_ms: 1000,
			created_at: when
		})
		.execute();
}

describe('work waiting for review', () => {
	it('counts whole projects and steps handed in since the team was last reviewed', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db, { opensOn: '2026-10-01', dueOn: '2026-10-20' });
		const team = { id: p.teamId, assignmentId: p.assignmentId };
		const a = (await getAssignment(db, p.assignmentId))!;
		expect(await waitingReviews(db, [a])).toEqual([]);

		await addEntry(db, team, 'problem', p.pupils[0], 'Nước suối đục', at('2026-10-05'));
		await submit(db, team, 'problem', p.pupils[0], at('2026-10-05', 10));
		await submit(db, team, 'problem', p.pupils[0], at('2026-10-05', 11)); // the same step twice
		await submit(db, team, null, p.pupils[1], at('2026-10-06'));
		expect(await waitingReviews(db, [a])).toEqual([
			{ assignmentId: a.id, title: a.title, projects: 1, steps: 1 }
		]);

		const r = await returnReview(
			db,
			actorFor(p.teacherId),
			{
				teamId: p.teamId,
				criteria: [],
				scoring: { team: [], adjustments: new Map() },
				feedback: 'Tốt'
			},
			at('2026-10-07')
		);
		expect(r.ok).toBe(true);
		expect(await waitingReviews(db, [a])).toEqual([]);

		await submit(db, team, null, p.pupils[1], at('2026-10-08'));
		expect((await waitingReviews(db, [a]))[0]).toMatchObject({ projects: 1, steps: 0 });
	});
});

describe('lessons the department returned', () => {
	it('lists a returned draft with its comment until the author sends it again', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 0);
		const teacher = { id: s.teacherId, role: 'teacher' as const, schoolId: s.schoolId };
		const { id: deptId } = await db
			.insertInto('users')
			.values({
				role: 'department',
				username: 'sogd',
				full_name: 'Sở',
				school_id: null,
				password_hash: null,
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const dept = { id: deptId, role: 'department' as const, schoolId: null };
		const lessonId = await createLesson(db, teacher, sampleLesson({ title: 'Bình lọc nước' }));
		expect(await returnedLessons(db, teacher.id)).toEqual([]);
		await submitLesson(db, teacher, lessonId, 1000);
		expect(await returnedLessons(db, teacher.id)).toEqual([]);
		await reviewLesson(db, dept, lessonId, 'return', 'Thêm phần đánh giá', 2000);
		expect(await returnedLessons(db, teacher.id)).toEqual([
			{ id: lessonId, title: 'Bình lọc nước', comment: 'Thêm phần đánh giá', returnedAt: 2000 }
		]);
		await submitLesson(db, teacher, lessonId, 3000);
		expect(await returnedLessons(db, teacher.id)).toEqual([]);
	});
});

describe('pupils stuck on an exercise', () => {
	const now = at('2026-10-10', 15);
	it('finds 3 tries or 3 hints in the last 7 days without a pass', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 4);
		const [an, binh, cuong, dung] = s.pupils;
		const ex = await makeExercise(db, 'Mê cung 3');
		for (let i = 0; i < 3; i++) await attempt(db, an, ex, at('2026-10-09', 8 + i)); // stuck
		for (let i = 0; i < 2; i++) await attempt(db, binh, ex, at('2026-10-09', 8 + i)); // 2 tries only
		for (let i = 0; i < 3; i++) await attempt(db, cuong, ex, at('2026-10-01', 8 + i)); // 9 days ago
		for (let i = 0; i < 3; i++) await attempt(db, dung, ex, at('2026-10-09', 8 + i));
		await attempt(db, dung, ex, at('2026-10-09', 12), true); // then passed
		await db
			.insertInto('exercise_work')
			.values({
				exercise_id: ex,
				pupil_id: binh,
				version: 1,
				workspace: '{}',
				hints_used: 3,
				updated_at: at('2026-10-09', 13)
			})
			.execute();
		const stuck = await stuckPupils(db, s.teacherId, now);
		expect(stuck.map((x) => [x.pupilId, x.tries, x.hints]).sort()).toEqual(
			[
				[an, 3, 0],
				[binh, 2, 3]
			].sort()
		);
		expect(stuck[0]).toMatchObject({
			classId: s.classId,
			className: '6A1',
			exerciseTitle: 'Mê cung 3'
		});
	});
	it('leaves out pupils who left the teacher’s class', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 1);
		const ex = await makeExercise(db, 'Mê cung 4');
		for (let i = 0; i < 3; i++) await attempt(db, s.pupils[0], ex, at('2026-10-09', 8 + i));
		await db.updateTable('enrolments').set({ ended_on: '2026-10-09' }).execute();
		expect(await stuckPupils(db, s.teacherId, now)).toEqual([]);
	});
});

describe('due this week and the whole panel', () => {
	it('takes open work due from today to six days on', async () => {
		const base = { kind: 'exercises' as const, opensOn: '2026-10-01', closedAt: null };
		const list = [
			{ ...base, id: 1, title: 'Hôm qua', dueOn: '2026-10-09' },
			{ ...base, id: 2, title: 'Hôm nay', dueOn: '2026-10-10' },
			{ ...base, id: 3, title: 'Sáu ngày', dueOn: '2026-10-16' },
			{ ...base, id: 4, title: 'Bảy ngày', dueOn: '2026-10-17' },
			{ ...base, id: 5, title: 'Đã đóng', dueOn: '2026-10-11', closedAt: 5 }
		] as unknown as Parameters<typeof dueThisWeek>[0];
		expect(dueThisWeek(list, at('2026-10-10')).map((a) => a.id)).toEqual([2, 3]);
		expect(addDays('2026-12-28', 6)).toBe('2027-01-03');
	});
	it('is empty only when nothing waits', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db, { opensOn: '2026-10-01', dueOn: '2026-10-20' });
		const teacher = { id: p.teacherId, schoolId: p.schoolId };
		expect((await teacherTodo(db, teacher, at('2026-10-01'))).empty).toBe(true);
		const soon = await teacherTodo(db, teacher, at('2026-10-15'));
		expect(soon.empty).toBe(false);
		expect(soon.due.map((d) => d.id)).toEqual([p.assignmentId]);
		await setClosed(db, p.assignmentId, true);
		expect((await teacherTodo(db, teacher, at('2026-10-15'))).empty).toBe(true);
	});
});

describe('the assignment list', () => {
	it('shows the classes and handed in / returned / not started counts', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 4);
		const ex = await makeExercise(db, 'Mê cung 1');
		const r = await createAssignment(
			db,
			{ id: s.teacherId, schoolId: s.schoolId },
			{
				kind: 'exercises',
				title: 'Bộ bài vòng lặp',
				instructions: '',
				opensOn: '2026-10-01',
				dueOn: '2026-10-05',
				classIds: [s.classId],
				pupilIds: [],
				exerciseIds: [ex],
				lessonId: null,
				process: '',
				rubricId: null
			}
		);
		if (!r.ok) throw new Error('not created');
		await attempt(db, s.pupils[0], ex, at('2026-10-02'), true); // handed in
		await attempt(db, s.pupils[1], ex, at('2026-10-07'), true); // late, still handed in
		await attempt(db, s.pupils[2], ex, at('2026-10-02')); // started, not passed: missing
		const [row] = await assignmentRows(
			db,
			{ id: s.teacherId, schoolId: s.schoolId },
			at('2026-10-08')
		);
		expect(row.classes).toEqual(['6A1']);
		expect(row.counts).toEqual({ pupils: 4, handedIn: 2, returned: 0, notStarted: 1 });
	});
});

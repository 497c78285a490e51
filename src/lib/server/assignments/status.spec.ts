import { actorFor } from '../audit/log';
import { describe, expect, it } from 'vitest';
import { endOfDay, exerciseSetFacts, workStatus, byDue } from './status';
import { openTestDatabase } from '../db/testing';
import { makeProject, makeSchool } from '../projects/testing';
import { createAssignment, listPupilWork, pupilStatuses, getAssignment } from './assignments';
import { lessonOutline } from './outline';
import { addEntry, submit } from '../portfolios/portfolio';
import { returnReview } from '../projects/reviews';

const at = (iso: string) => Date.parse(iso);

describe('work status', () => {
	const due = '2026-10-20';
	it('is due at the end of the day in Vietnam (UTC+7)', () => {
		expect(new Date(endOfDay(due)).toISOString()).toBe('2026-10-20T16:59:59.999Z');
	});
	it('not started, in progress, submitted before the due day', () => {
		const base = {
			now: at('2026-10-10T03:00:00Z'),
			dueOn: due,
			submittedAt: null,
			returnedAt: null
		};
		expect(workStatus({ ...base, started: false })).toBe('not_started');
		expect(workStatus({ ...base, started: true })).toBe('in_progress');
		expect(workStatus({ ...base, started: true, submittedAt: at('2026-10-20T16:00:00Z') })).toBe(
			'submitted'
		);
	});
	it('late: handed in after the due day', () => {
		expect(
			workStatus({
				now: at('2026-10-25T00:00:00Z'),
				dueOn: due,
				started: true,
				submittedAt: at('2026-10-20T17:30:00Z'),
				returnedAt: null
			})
		).toBe('late');
	});
	it('missing: nothing handed in once the due day is over, started or not', () => {
		for (const started of [true, false])
			expect(
				workStatus({
					now: at('2026-10-20T17:00:00Z'),
					dueOn: due,
					started,
					submittedAt: null,
					returnedAt: null
				})
			).toBe('missing');
	});
	it('returned until the team hands in again', () => {
		const f = { now: at('2026-10-30T00:00:00Z'), dueOn: due, started: true };
		expect(
			workStatus({
				...f,
				submittedAt: at('2026-10-15T00:00:00Z'),
				returnedAt: at('2026-10-16T00:00:00Z')
			})
		).toBe('returned');
		expect(
			workStatus({
				...f,
				submittedAt: at('2026-10-17T00:00:00Z'),
				returnedAt: at('2026-10-16T00:00:00Z')
			})
		).toBe('submitted');
	});
	it('an exercise set counts only attempts since it opened, and is handed in when every exercise is passed', () => {
		const opens = '2026-10-01';
		const before = { exerciseId: 1, passed: true, createdAt: at('2026-09-30T10:00:00Z') };
		expect(exerciseSetFacts([1, 2], [before], opens)).toEqual({
			started: false,
			passed: 0,
			submittedAt: null
		});
		const a1 = { exerciseId: 1, passed: true, createdAt: at('2026-10-02T00:00:00Z') };
		const a2fail = { exerciseId: 2, passed: false, createdAt: at('2026-10-03T00:00:00Z') };
		expect(exerciseSetFacts([1, 2], [a1, a2fail], opens)).toEqual({
			started: true,
			passed: 1,
			submittedAt: null
		});
		const a2 = { exerciseId: 2, passed: true, createdAt: at('2026-10-04T00:00:00Z') };
		expect(exerciseSetFacts([1, 2], [a1, a2fail, a2], opens).submittedAt).toBe(a2.createdAt);
	});
	it('sorts soonest due first', () => {
		const items = [
			{ title: 'B', dueOn: '2026-11-02', opensOn: '2026-10-01' },
			{ title: 'A', dueOn: '2026-10-05', opensOn: '2026-10-01' }
		];
		expect(items.sort(byDue).map((i) => i.title)).toEqual(['A', 'B']);
	});
});

describe('assignments in the database', () => {
	it('an exercise set per pupil from exercise_attempts: in progress, submitted, late, missing', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 4);
		const now = at('2026-10-01T00:00:00Z');
		const ex = [];
		for (const title of ['Đèn giao thông', 'Vòng lặp tưới cây'])
			ex.push(
				(
					await db
						.insertInto('exercises')
						.values({
							title,
							kind: 'io',
							grade: 6,
							concept: 'loops',
							status: 'published',
							author_id: null,
							school_id: null,
							created_at: now,
							updated_at: now
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				).id
			);
		const r = await createAssignment(
			db,
			{ id: s.teacherId, schoolId: s.schoolId },
			{
				kind: 'exercises',
				title: 'Bộ bài vòng lặp',
				instructions: '',
				opensOn: '2026-10-01',
				dueOn: '2026-10-10',
				classIds: [s.classId],
				pupilIds: [],
				exerciseIds: ex,
				lessonId: null,
				process: '',
				rubricId: null
			}
		);
		if (!r.ok) throw new Error('expected ok');
		const attempt = (pupil: number, exercise: number, passed: boolean, iso: string) =>
			db
				.insertInto('exercise_attempts')
				.values({
					exercise_id: exercise,
					pupil_id: pupil,
					class_id: s.classId,
					passed: passed ? 1 : 0,
					stars: passed ? 3 : 0,
					created_at: at(iso)
				})
				.execute();
		const [p0, p1, p2, p3] = s.pupils;
		await attempt(p0, ex[0], true, '2026-10-02T01:00:00Z');
		await attempt(p1, ex[0], true, '2026-10-02T01:00:00Z');
		await attempt(p1, ex[1], true, '2026-10-03T01:00:00Z');
		await attempt(p2, ex[0], true, '2026-10-02T01:00:00Z');
		await attempt(p2, ex[1], true, '2026-10-12T01:00:00Z');
		const a = (await getAssignment(db, r.id))!;
		const during = await pupilStatuses(db, a, s.pupils, at('2026-10-05T00:00:00Z'));
		expect(s.pupils.map((p) => during.get(p)!.status)).toEqual([
			'in_progress',
			'submitted',
			'in_progress',
			'not_started'
		]);
		const after = await pupilStatuses(db, a, s.pupils, at('2026-10-13T00:00:00Z'));
		expect([p0, p1, p2, p3].map((p) => after.get(p)!.status)).toEqual([
			'missing',
			'submitted',
			'late',
			'missing'
		]);
	});

	it("the pupil's list: only opened work of their class, soonest due first; refuses a due date before the opening", async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 2);
		const t = { id: s.teacherId, schoolId: s.schoolId };
		const base = {
			kind: 'project',
			instructions: '',
			classIds: [s.classId],
			pupilIds: [],
			exerciseIds: [],
			lessonId: null,
			process: 'engineering',
			rubricId: null
		};
		await createAssignment(db, t, {
			...base,
			title: 'Sau',
			opensOn: '2026-10-01',
			dueOn: '2026-11-30'
		});
		await createAssignment(db, t, {
			...base,
			title: 'Trước',
			opensOn: '2026-10-01',
			dueOn: '2026-10-15'
		});
		await createAssignment(db, t, {
			...base,
			title: 'Chưa mở',
			opensOn: '2026-12-01',
			dueOn: '2026-12-15'
		});
		const bad = await createAssignment(db, t, {
			...base,
			title: 'Sai',
			opensOn: '2026-10-10',
			dueOn: '2026-10-01'
		});
		expect(bad).toEqual({ ok: false, errors: { dueOn: 'invalid' } });
		const list = await listPupilWork(db, s.pupils[0], at('2026-10-05T00:00:00Z'));
		expect(list.map((i) => i.title)).toEqual(['Trước', 'Sau']);
	});

	it('chosen pupils only: the others do not see the work', async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 3);
		const r = await createAssignment(
			db,
			{ id: s.teacherId, schoolId: s.schoolId },
			{
				kind: 'project',
				title: 'Nhà sàn chống lũ',
				instructions: '',
				opensOn: '2026-10-01',
				dueOn: '2026-10-15',
				classIds: [],
				pupilIds: [s.pupils[1]],
				exerciseIds: [],
				lessonId: null,
				process: 'inquiry',
				rubricId: null
			}
		);
		expect(r.ok).toBe(true);
		const now = at('2026-10-05T00:00:00Z');
		expect(await listPupilWork(db, s.pupils[0], now)).toHaveLength(0);
		expect(await listPupilWork(db, s.pupils[1], now)).toHaveLength(1);
	});

	it("another school's teacher cannot assign to a class they do not teach", async () => {
		const { db } = openTestDatabase();
		const s = await makeSchool(db, 2);
		const other = await makeSchool(db, 2);
		const r = await createAssignment(
			db,
			{ id: other.teacherId, schoolId: other.schoolId },
			{
				kind: 'project',
				title: 'X',
				instructions: '',
				opensOn: '2026-10-01',
				dueOn: '2026-10-15',
				classIds: [s.classId],
				pupilIds: [],
				exerciseIds: [],
				lessonId: null,
				process: 'engineering',
				rubricId: null
			}
		);
		expect(r).toEqual({ ok: false, errors: { targets: 'invalid' } });
	});

	it('a project: in progress, submitted, returned, then submitted again', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db, { opensOn: '2026-10-01', dueOn: '2026-10-20' });
		const team = { id: p.teamId, assignmentId: p.assignmentId };
		const a = (await getAssignment(db, p.assignmentId))!;
		const statusAt = async (iso: string) =>
			(await pupilStatuses(db, a, [p.pupils[0]], at(iso))).get(p.pupils[0])!.status;
		expect(await statusAt('2026-10-02T00:00:00Z')).toBe('not_started');
		await addEntry(
			db,
			team,
			'problem',
			p.pupils[0],
			'Hồi phơi nắng bị mốc khi trời mưa.',
			at('2026-10-02T00:00:00Z')
		);
		expect(await statusAt('2026-10-03T00:00:00Z')).toBe('in_progress');
		await submit(db, team, 'problem', p.pupils[0], at('2026-10-04T00:00:00Z'));
		expect(await statusAt('2026-10-05T00:00:00Z')).toBe('in_progress'); // a step is not the whole project
		await submit(db, team, null, p.pupils[0], at('2026-10-06T00:00:00Z'));
		expect(await statusAt('2026-10-07T00:00:00Z')).toBe('submitted');
		await returnReview(
			db,
			actorFor(p.teacherId),
			{
				teamId: p.teamId,
				criteria: [],
				scoring: { team: [], adjustments: new Map() },
				feedback: 'Thêm bảng đo nhiệt độ.'
			},
			at('2026-10-08T00:00:00Z')
		);
		expect(await statusAt('2026-10-09T00:00:00Z')).toBe('returned');
		expect(await statusAt('2026-10-25T00:00:00Z')).toBe('returned'); // returned work is not "missing"
		await submit(db, team, null, p.pupils[1], at('2026-10-10T00:00:00Z'));
		expect(await statusAt('2026-10-11T00:00:00Z')).toBe('submitted');
	});

	it('lessonOutline: the five activities for a STEM lesson, the inquiry steps otherwise', async () => {
		const { db } = openTestDatabase();
		const now = Date.now();
		const eng = await db
			.insertInto('lessons')
			.values({
				title: 'Máy sấy hoa hồi',
				author_id: null,
				school_id: null,
				copied_from_id: null,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const inq = await db
			.insertInto('lessons')
			.values({
				title: 'Cây cần gì',
				process: 'inquiry',
				author_id: null,
				school_id: null,
				copied_from_id: null,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const o = await lessonOutline(db, eng.id);
		expect(o?.steps.map((s) => s.label)).toEqual([
			'Xác định vấn đề',
			'Nghiên cứu kiến thức nền',
			'Đề xuất, lựa chọn giải pháp',
			'Chế tạo mẫu, thử nghiệm và đánh giá',
			'Chia sẻ, thảo luận, điều chỉnh'
		]);
		expect(o?.criteria).toEqual([]);
		expect((await lessonOutline(db, inq.id))?.process).toBe('inquiry');
		expect(await lessonOutline(db, 9999)).toBeUndefined();
	});
});

describe('project rubric', () => {
	it('without a chosen rubric, a project gets one started from its lesson (four levels per criterion)', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const a = (await getAssignment(db, p.assignmentId))!;
		expect(a.rubric?.length).toBe(4);
		expect(a.rubric?.[0].levels.map((l) => l.points)).toEqual([1, 2, 3, 4]);
	});
	it("a teacher of another school gets nothing for the assignment's id", async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const other = await makeSchool(db, 2);
		const { getAssignmentForTeacher } = await import('./assignments');
		expect(
			await getAssignmentForTeacher(
				db,
				{ id: other.teacherId, schoolId: other.schoolId },
				p.assignmentId
			)
		).toBeUndefined();
		expect(
			await getAssignmentForTeacher(db, { id: p.teacherId, schoolId: p.schoolId }, p.assignmentId)
		).toBeDefined();
	});
});

describe('projects made from the curriculum’s lessons', () => {
	it('take the lesson plan’s own steps and criteria, and refuse a colleague’s draft', async () => {
		const { db } = openTestDatabase();
		const { seedDemo } = await import('../seed/demo');
		const { seedCurriculum } = await import('../seed/curriculum');
		await seedDemo(db);
		await seedCurriculum(db);
		const published = await db
			.selectFrom('lessons')
			.select(['id', 'process'])
			.where('status', '=', 'published')
			.where('current_version_id', 'is not', null)
			.executeTakeFirstOrThrow();
		const hoa = await db
			.selectFrom('users')
			.select(['id', 'school_id'])
			.where('username', '=', 'gv.hoa')
			.executeTakeFirstOrThrow();
		const viewer = { id: hoa.id, role: 'teacher' as const, schoolId: hoa.school_id };
		const outline = await lessonOutline(db, published.id, viewer);
		expect(outline?.steps).toHaveLength(5);
		expect(outline!.criteria.length).toBeGreaterThanOrEqual(3);
		// A draft written by another teacher is not theirs to assign.
		await db
			.updateTable('lessons')
			.set({
				status: 'draft',
				author_id: (
					await db
						.selectFrom('users')
						.select('id')
						.where('username', '=', 'gv.lan')
						.executeTakeFirstOrThrow()
				).id
			})
			.where('id', '=', published.id)
			.execute();
		expect(await lessonOutline(db, published.id, viewer)).toBeUndefined();
	});
});

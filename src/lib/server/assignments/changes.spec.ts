import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { makeProject, makeSchool } from '../projects/testing';
import { addEntry } from '../portfolios/portfolio';
import {
	createAssignment,
	getAssignment,
	listExercises,
	listPupilWork,
	listSteps,
	pupilStatuses
} from './assignments';
import {
	archiveAssignment,
	deleteAssignment,
	duplicateAssignment,
	extendDue,
	hasWork,
	isArchived,
	updateAssignment
} from './changes';
import { startOfDay } from './status';

const at = (iso: string, hour = 9) => startOfDay(iso) + hour * 3600_000;

async function exerciseSet(db: DB) {
	const s = await makeSchool(db, 3);
	const ids: number[] = [];
	for (const title of ['Mê cung 1', 'Mê cung 2'])
		ids.push(
			(
				await db
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
			dueOn: '2026-10-05',
			classIds: [s.classId],
			pupilIds: [],
			exerciseIds: [ids[1], ids[0]],
			lessonId: null,
			process: '',
			rubricId: null
		}
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return { ...s, exerciseIds: ids, a: (await getAssignment(db, r.id))! };
}

async function pass(db: DB, pupil: number, exercise: number, when: number) {
	await db
		.insertInto('exercise_attempts')
		.values({
			exercise_id: exercise,
			pupil_id: pupil,
			class_id: null,
			passed: 1,
			stars: 3,
			hints_used: 0,
			time_spent_ms: 1000,
			created_at: when
		})
		.execute();
}

describe('editing an assignment', () => {
	it('changes title, instructions and dates under the rules of a new one', async () => {
		const { db } = openTestDatabase();
		const { a } = await exerciseSet(db);
		const bad = await updateAssignment(db, a, {
			title: ' ',
			instructions: '',
			opensOn: '2026-10-10',
			dueOn: '2026-10-01'
		});
		expect(bad).toEqual({ ok: false, errors: { title: 'required', dueOn: 'invalid' } });
		expect((await getAssignment(db, a.id))!.title).toBe('Bộ bài vòng lặp');
		const ok = await updateAssignment(db, a, {
			title: 'Bộ bài  vòng lặp (sửa)',
			instructions: 'Làm theo thứ tự.',
			opensOn: '2026-10-02',
			dueOn: '2026-10-09'
		});
		expect(ok.ok).toBe(true);
		expect(await getAssignment(db, a.id)).toMatchObject({
			title: 'Bộ bài vòng lặp (sửa)',
			instructions: 'Làm theo thứ tự.',
			opensOn: '2026-10-02',
			dueOn: '2026-10-09'
		});
	});
});

describe('extending the due date', () => {
	it('for chosen pupils: their status and their list follow, the others’ do not', async () => {
		const { db } = openTestDatabase();
		const { a, pupils, exerciseIds } = await exerciseSet(db);
		const [an, binh] = pupils;
		for (const p of [an, binh]) for (const e of exerciseIds) await pass(db, p, e, at('2026-10-07')); // two days late
		const before = await pupilStatuses(db, a, [an, binh], at('2026-10-08'));
		expect(before.get(an)!.status).toBe('late');

		expect(await extendDue(db, a, '2026-10-04', [an])).toEqual({
			ok: false,
			errors: { dueOn: 'invalid' }
		});
		expect((await extendDue(db, a, '2026-10-07', [an])).ok).toBe(true);
		const after = await pupilStatuses(db, a, [an, binh], at('2026-10-08'));
		expect(after.get(an)).toMatchObject({ status: 'submitted', dueOn: '2026-10-07' });
		expect(after.get(binh)).toMatchObject({ status: 'late', dueOn: '2026-10-05' });
		const list = await listPupilWork(db, an, at('2026-10-06'));
		expect(list.find((i) => i.id === a.id)?.dueOn).toBe('2026-10-07');
	});
	it('refuses a pupil the work is not for', async () => {
		const { db } = openTestDatabase();
		const { a } = await exerciseSet(db);
		const other = await makeSchool(db, 1);
		expect(await extendDue(db, a, '2026-10-09', [other.pupils[0]])).toEqual({
			ok: false,
			errors: { targets: 'invalid' }
		});
	});
	it('for the whole class: the assignment’s date moves, and missing work is open again', async () => {
		const { db } = openTestDatabase();
		const { a, pupils } = await exerciseSet(db);
		expect((await pupilStatuses(db, a, [pupils[2]], at('2026-10-06'))).get(pupils[2])!.status).toBe(
			'missing'
		);
		await extendDue(db, a, '2026-10-06', [pupils[0]]);
		expect((await extendDue(db, a, '2026-10-12', [])).ok).toBe(true);
		const fresh = (await getAssignment(db, a.id))!;
		expect(fresh.dueOn).toBe('2026-10-12');
		const s = await pupilStatuses(db, fresh, pupils, at('2026-10-06'));
		expect(s.get(pupils[2])!.status).toBe('not_started');
		expect(s.get(pupils[0])!.dueOn).toBe('2026-10-12'); // the smaller extension is gone
	});
});

describe('duplicating', () => {
	it('copies the set in its order to another class of the teacher’s, not to someone else’s', async () => {
		const { db } = openTestDatabase();
		const s = await exerciseSet(db);
		const other = await makeSchool(db, 2);
		const teacher = { id: s.teacherId, schoolId: s.schoolId };
		expect(await duplicateAssignment(db, teacher, s.a, other.classId)).toEqual({
			ok: false,
			errors: { targets: 'invalid' }
		});
		const cls = await db
			.insertInto('classes')
			.values({
				school_id: s.schoolId,
				school_year_id: (await db.selectFrom('school_years').select('id').executeTakeFirstOrThrow())
					.id,
				grade: 6,
				name: '6A2',
				join_code: 'ZZ6A2Q',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('class_teachers')
			.values({ class_id: cls.id, teacher_id: s.teacherId })
			.execute();
		const r = await duplicateAssignment(db, teacher, s.a, cls.id);
		if (!r.ok) throw new Error('not copied');
		expect((await listExercises(db, r.id)).map((e) => e.id)).toEqual([
			s.exerciseIds[1],
			s.exerciseIds[0]
		]);
		expect(await getAssignment(db, r.id)).toMatchObject({ title: s.a.title, dueOn: s.a.dueOn });
	});
	it('copies a project’s steps and rubric', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db);
		const a = (await getAssignment(db, p.assignmentId))!;
		const r = await duplicateAssignment(
			db,
			{ id: p.teacherId, schoolId: p.schoolId },
			a,
			p.classId
		);
		if (!r.ok) throw new Error('not copied');
		expect(await listSteps(db, r.id)).toEqual(await listSteps(db, a.id));
		expect((await getAssignment(db, r.id))!.rubric).toEqual(a.rubric);
	});
});

describe('deleting and archiving', () => {
	it('deletes an exercise set nobody tried, refuses one with attempts', async () => {
		const { db } = openTestDatabase();
		const s = await exerciseSet(db);
		await pass(db, s.pupils[0], s.exerciseIds[0], at('2026-09-20')); // before it opened: not its work
		expect(await hasWork(db, s.a)).toBe(false);
		await pass(db, s.pupils[0], s.exerciseIds[0], at('2026-10-02'));
		expect(await hasWork(db, s.a)).toBe(true);
		expect(await deleteAssignment(db, s.a)).toBe(false);
		expect(await getAssignment(db, s.a.id)).toBeDefined();
	});
	it('deletes a project with empty teams; archives one with work, off the pupils’ lists', async () => {
		const { db } = openTestDatabase();
		const p = await makeProject(db, { opensOn: '2026-10-01', dueOn: '2026-10-20' });
		const a = (await getAssignment(db, p.assignmentId))!;
		expect(await hasWork(db, a)).toBe(false);
		await addEntry(db, { id: p.teamId, assignmentId: a.id }, 'problem', p.pupils[0], 'Ý tưởng');
		expect(await deleteAssignment(db, a)).toBe(false);
		await archiveAssignment(db, a, p.teacherId, at('2026-10-10'));
		expect(await isArchived(db, a.id)).toBe(true);
		expect((await getAssignment(db, a.id))!.closedAt).toBe(at('2026-10-10'));
		expect(await listPupilWork(db, p.pupils[0], at('2026-10-11'))).toEqual([]);

		const q = await makeProject(db);
		const b = (await getAssignment(db, q.assignmentId))!;
		expect(await deleteAssignment(db, b)).toBe(true);
		expect(await getAssignment(db, b.id)).toBeUndefined();
		expect(
			await db.selectFrom('teams').where('assignment_id', '=', b.id).selectAll().execute()
		).toEqual([]);
	});
});

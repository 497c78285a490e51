import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { makeSchool } from '../projects/testing';
import { createAssignment, orderedExerciseIds } from './assignments';
import type { Conn } from '../db';

const now = Date.parse('2026-10-01T00:00:00Z');

async function exercise(db: Conn, schoolId: number | null, status = 'published' as const) {
	const row = await db
		.insertInto('exercises')
		.values({
			title: `Bài ${Math.random()}`,
			kind: 'io',
			grade: 6,
			concept: 'loops',
			status,
			author_id: null,
			school_id: schoolId,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

const input = (classId: number, exerciseIds: number[]) => ({
	kind: 'exercises',
	title: 'Bộ bài vòng lặp',
	instructions: '',
	opensOn: '2026-10-01',
	dueOn: '2026-10-10',
	classIds: [classId],
	pupilIds: [],
	exerciseIds,
	lessonId: null,
	process: '',
	rubricId: null
});

describe('exercises in an assignment', () => {
	it("refuses another school's private exercise, even published, and writes nothing", async () => {
		const { db } = openTestDatabase();
		const mine = await makeSchool(db, 2);
		const other = await makeSchool(db, 2);
		const theirs = await exercise(db, other.schoolId);
		const shared = await exercise(db, null);
		const r = await createAssignment(
			db,
			{ id: mine.teacherId, schoolId: mine.schoolId },
			input(mine.classId, [shared, theirs]),
			now
		);
		expect(r).toEqual({ ok: false, errors: { exercises: 'invalid' } });
		const count = await db
			.selectFrom('assignments')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(0);
	});
	it("accepts shared exercises and the teacher's own school's published ones", async () => {
		const { db } = openTestDatabase();
		const mine = await makeSchool(db, 2);
		const own = await exercise(db, mine.schoolId);
		const shared = await exercise(db, null);
		const r = await createAssignment(
			db,
			{ id: mine.teacherId, schoolId: mine.schoolId },
			input(mine.classId, [shared, own]),
			now
		);
		expect(r.ok).toBe(true);
	});
});

describe("the set's order", () => {
	it('follows the order the teacher made, keeps only ticked exercises, and appends those it does not name', () => {
		expect(orderedExerciseIds([4, 7, 9], '9,4,7')).toEqual([9, 4, 7]);
		// An id in the order that is not ticked (taken out) is dropped; a ticked one not named follows.
		expect(orderedExerciseIds([4, 7, 9], '9,12,4')).toEqual([9, 4, 7]);
		// Without scripts the browser sends no order: the ticked ones, as they came.
		expect(orderedExerciseIds([4, 7], '')).toEqual([4, 7]);
		expect(orderedExerciseIds([4], 'x,4,4')).toEqual([4]);
	});
});

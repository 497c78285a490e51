import { beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { seedCourses } from '../seed/courses';
import { makeSchool } from '../projects/testing';
import { createAssignment, setClosed } from '../assignments/assignments';
import { recordAttempt } from '../exercises/attempts';
import * as courses from './courses';
import * as progress from './progress';
import { classCertificates } from './certificates';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-10-05T03:00:00Z');

describe('course progress, per pupil per course', () => {
	const { db } = openTestDatabase();
	let s: Awaited<ReturnType<typeof makeSchool>>;
	let course: NonNullable<Awaited<ReturnType<typeof courses.courseWithLessons>>>;
	let all: number[];

	async function attempt(
		pupilId: number,
		exerciseId: number,
		passed: boolean,
		stars: number,
		when = NOW
	) {
		await recordAttempt(
			db,
			{
				exerciseId,
				pupilId,
				classId: s.classId,
				verdict: { passed, code: passed ? 'ok' : 'maze_not_goal', params: {} },
				stars,
				blocks: 3,
				hintsUsed: 0,
				timeSpentMs: 1000,
				workspace: '{}'
			},
			when
		);
	}

	async function assign(exerciseIds: number[], dueOn: string, pupilIds: number[] = []) {
		const r = await createAssignment(
			db,
			{ id: s.teacherId, schoolId: s.schoolId },
			{
				kind: 'exercises',
				title: `Bài ${dueOn}`,
				instructions: '',
				opensOn: '2026-10-01',
				dueOn,
				classIds: pupilIds.length ? [] : [s.classId],
				pupilIds,
				exerciseIds,
				lessonId: null,
				process: '',
				rubricId: null
			},
			NOW
		);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		return r.id;
	}

	beforeAll(async () => {
		await seedCourses(db, at('2026-09-01T00:00:00Z'));
		s = await makeSchool(db, 4, at('2026-09-01T00:00:00Z'));
		await db.updateTable('classes').set({ grade: 3 }).where('id', '=', s.classId).execute();
		const [lop3] = await courses.listCourses(db, { grade: 3 });
		course = (await courses.courseWithLessons(db, lop3.id))!;
		all = course.lessons.flatMap((l) => l.exercises.map((e) => e.id));
	}, 120_000);

	test('a pupil of the grade sees its course, nothing solved, the first puzzle next', async () => {
		const [p] = await progress.pupilCourses(db, s.pupils[0], NOW);
		expect(p.course.slug).toBe('lop-3');
		expect(p.total).toBe(all.length);
		expect(p.solved).toBe(0);
		expect(p.stars).toBe(0);
		expect(p.complete).toBe(false);
		expect(p.next).toMatchObject({ exerciseId: all[0], lessonId: course.lessons[0].id });
		expect(p.lessons[0].puzzles[0].next).toBe(true);
		expect(p.lessons.flatMap((l) => l.puzzles).filter((x) => x.next)).toHaveLength(1);
	});

	test('a pupil with no class, or of another grade, has no course map', async () => {
		const other = await makeSchool(db, 1, NOW);
		await db.updateTable('classes').set({ grade: 12 }).where('id', '=', other.classId).execute();
		expect(await progress.pupilCourses(db, other.pupils[0], NOW)).toEqual([]);
		await db
			.updateTable('enrolments')
			.set({ ended_on: '2026-10-01' })
			.where('pupil_id', '=', other.pupils[0])
			.execute();
		expect(await progress.pupilCourses(db, other.pupils[0], NOW)).toEqual([]);
	});

	test('a puzzle counts as solved with the best stars of its passed attempts; failures earn nothing', async () => {
		const pupil = s.pupils[1];
		await attempt(pupil, all[0], false, 0);
		let [p] = await progress.pupilCourses(db, pupil, NOW);
		expect(p.lessons[0].puzzles[0]).toMatchObject({ solved: false, stars: 0, next: true });
		await attempt(pupil, all[0], true, 2);
		await attempt(pupil, all[0], true, 3);
		await attempt(pupil, all[0], true, 1);
		await attempt(pupil, all[0], false, 0);
		[p] = await progress.pupilCourses(db, pupil, NOW);
		expect(p.lessons[0].puzzles[0]).toMatchObject({ solved: true, stars: 3, next: false });
		expect(p.solved).toBe(1);
		expect(p.stars).toBe(3);
		expect(p.lessons[0].solved).toBe(1);
		expect(p.next!.exerciseId).toBe(all[1]);
	});

	test('the next puzzle is the first unsolved one in path order, across lessons', async () => {
		const pupil = s.pupils[2];
		const first = course.lessons[0].exercises;
		for (const e of first) await attempt(pupil, e.id, true, 2);
		await attempt(pupil, course.lessons[1].exercises[1].id, true, 3); // skipped one ahead
		const p = (await progress.courseProgress(db, course.id, pupil, NOW))!;
		expect(p.next).toMatchObject({
			exerciseId: course.lessons[1].exercises[0].id,
			lessonId: course.lessons[1].id
		});
		expect(p.lessons[0].solved).toBe(first.length);
		expect(p.stars).toBe(2 * first.length + 3);
	});

	test('another pupil’s attempts change nothing', async () => {
		const p = (await progress.courseProgress(db, course.id, s.pupils[3], NOW))!;
		expect(p.solved).toBe(0);
	});

	test('assigned work marks its unsolved puzzles with the earliest due date; closed or solved work does not', async () => {
		const pupil = s.pupils[3];
		const [a, b, c] = all;
		await assign([a, b], '2026-10-20');
		await assign([b], '2026-10-12', [pupil]);
		const closed = await assign([c], '2026-10-09');
		await setClosed(db, closed, true, NOW);
		let p = (await progress.courseProgress(db, course.id, pupil, NOW))!;
		const [pa, pb, pc] = p.lessons[0].puzzles;
		expect(pa.dueOn).toBe('2026-10-20');
		expect(pb.dueOn).toBe('2026-10-12');
		expect(pc.dueOn).toBeNull();
		// The class-wide work reaches the classmates; the named one does not.
		const mate = (await progress.courseProgress(db, course.id, s.pupils[0], NOW))!;
		expect(mate.lessons[0].puzzles[1].dueOn).toBe('2026-10-20');
		await attempt(pupil, a, true, 1);
		p = (await progress.courseProgress(db, course.id, pupil, NOW))!;
		expect(p.lessons[0].puzzles[0].dueOn).toBeNull();
	});

	test('work not yet opened is not marked', async () => {
		const due = await progress.assignedDueDates(db, s.pupils[3], at('2026-09-20T00:00:00Z'));
		expect(due.size).toBe(0);
	});

	test('a course is complete when every puzzle is solved, on the Vietnamese day of the last first pass', async () => {
		const pupil = s.pupils[0];
		for (const id of all.slice(0, -1))
			await attempt(pupil, id, true, 3, at('2026-10-02T01:00:00Z'));
		let p = (await progress.courseProgress(db, course.id, pupil, NOW))!;
		expect(p.complete).toBe(false);
		expect(p.completedOn).toBeNull();
		expect(p.next!.exerciseId).toBe(all.at(-1));
		// 18:30 UTC on the 6th is already the 7th in Vietnam.
		await attempt(pupil, all.at(-1)!, true, 1, at('2026-10-06T18:30:00Z'));
		await attempt(pupil, all.at(-1)!, true, 3, at('2026-10-20T01:00:00Z')); // a later retry: same day kept
		p = (await progress.courseProgress(db, course.id, pupil, NOW))!;
		expect(p.complete).toBe(true);
		expect(p.completedOn).toBe('2026-10-07');
		expect(p.next).toBeNull();
		expect(p.stars).toBe(3 * all.length);
		expect(await progress.pupilCertificates(db, pupil)).toEqual([
			{
				courseId: course.id,
				courseSlug: 'lop-3',
				courseTitle: course.title,
				completedOn: '2026-10-07'
			}
		]);
		expect(await progress.pupilCertificates(db, s.pupils[1])).toEqual([]);
		// The teacher's print: the same pupils, named as the class list has them.
		const printed = await classCertificates(db, s.classId);
		expect(printed).toEqual([
			{
				pupilId: pupil,
				fullName: 'Hoàng Văn An',
				courseId: course.id,
				courseTitle: course.title,
				completedOn: '2026-10-07'
			}
		]);
	});

	test('an unknown course is undefined', async () => {
		expect(await progress.courseProgress(db, 99_999, s.pupils[0], NOW)).toBeUndefined();
	});
});

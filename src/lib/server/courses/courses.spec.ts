import { beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { seedCourses, SEED_COURSES } from '../seed/courses';
import { seedCurriculum } from '../seed/curriculum';
import * as courses from './courses';

describe('the course model', () => {
	const { db } = openTestDatabase();
	beforeAll(async () => {
		await seedCourses(db, 1_700_000_000_000);
	}, 120_000); // 120 puzzles, one statement at a time: slow on PostgreSQL on a shared machine

	test('courses come in order, with their lessons and exercises counted', async () => {
		const all = await courses.listCourses(db);
		expect(all.map((c) => c.slug)).toEqual(SEED_COURSES.map((c) => c.slug));
		for (const [i, c] of all.entries()) {
			const seed = SEED_COURSES[i];
			expect(c.lessons).toBe(seed.lessons.length);
			expect(c.exercises).toBe(seed.lessons.reduce((n, l) => n + l.exercises.length, 0));
		}
	});

	test('a grade finds its course only', async () => {
		const three = await courses.listCourses(db, { grade: 3 });
		expect(three.map((c) => c.slug)).toEqual(['lop-3']);
		expect(await courses.listCourses(db, { grade: 12 })).toEqual([]);
	});

	test('a whole lesson to assign: its puzzles in path order, a title naming lesson and course', async () => {
		const [, second] = await courses.listCourses(db);
		const course = (await courses.courseWithLessons(db, second.id))!;
		const lesson = course.lessons[1];
		const toAssign = await courses.lessonToAssign(db, lesson.id);
		expect(toAssign).toEqual({
			lessonId: lesson.id,
			courseSlug: second.slug,
			title: `${lesson.title} — ${second.title}`,
			exerciseIds: SEED_COURSES[1].lessons[1].exercises.map(
				(e) => lesson.exercises.find((x) => x.title === e.title)!.id
			)
		});
		expect(toAssign!.exerciseIds.length).toBeGreaterThanOrEqual(5);
		expect(await courses.lessonToAssign(db, 99_999)).toBeUndefined();
		expect(await courses.lessonToAssign(db, Number.NaN)).toBeUndefined();
	});

	test('a course lists its lessons and each lesson its exercises, in order', async () => {
		const [first] = await courses.listCourses(db);
		const course = await courses.courseWithLessons(db, first.id);
		expect(course!.lessons.map((l) => l.position)).toEqual(course!.lessons.map((_, i) => i + 1));
		const lesson = course!.lessons[0];
		expect(lesson.exercises.map((e) => e.title)).toEqual(
			SEED_COURSES[0].lessons[0].exercises.map((e) => e.title)
		);
		expect(await courses.lessonExercises(db, lesson.id)).toEqual(lesson.exercises);
		expect(await courses.courseWithLessons(db, 99_999)).toBeUndefined();
	});

	test('an exercise knows its place and the next puzzle, across lessons', async () => {
		const [first] = await courses.listCourses(db);
		const course = (await courses.courseWithLessons(db, first.id))!;
		const [l1, l2] = course.lessons;
		const last = l1.exercises.at(-1)!;
		const place = await courses.placeOfExercise(db, last.id);
		expect(place).toMatchObject({
			course: { slug: first.slug },
			lesson: { id: l1.id, position: 1 },
			position: l1.exercises.length,
			of: l1.exercises.length,
			nextExerciseId: l2.exercises[0].id
		});
		const end = course.lessons.at(-1)!.exercises.at(-1)!;
		expect((await courses.placeOfExercise(db, end.id))!.nextExerciseId).toBeNull();
	});

	test('every lesson holds 5 to 10 puzzles on one concept', () => {
		for (const c of SEED_COURSES)
			for (const l of c.lessons) {
				expect(l.exercises.length, l.title).toBeGreaterThanOrEqual(5);
				expect(l.exercises.length, l.title).toBeLessThanOrEqual(10);
				expect(courses.COURSE_CONCEPTS).toContain(l.concept);
			}
	});
});

test('the flood-alarm lessons link to the seeded STEM lesson "Còi báo mực nước lũ sông Kỳ Cùng"', async () => {
	const { db } = openTestDatabase();
	await seedCurriculum(db, 1_700_000_000_000);
	await seedCourses(db, 1_700_000_000_000);
	const stem = await db
		.selectFrom('lessons')
		.select('id')
		.where('title', '=', 'Còi báo mực nước lũ sông Kỳ Cùng')
		.executeTakeFirstOrThrow();
	const linked = [];
	for (const c of await courses.listCourses(db))
		for (const l of (await courses.courseWithLessons(db, c.id))!.lessons)
			if (l.stemLessonId !== null) linked.push(l);
	expect(linked.length).toBeGreaterThanOrEqual(2);
	for (const l of linked) {
		expect(l.stemLessonId).toBe(stem.id);
		expect(l.stemLessonTitle).toBe('Còi báo mực nước lũ sông Kỳ Cùng');
		// the puzzles before it are the flood station's sensor puzzles
		expect((await courses.lessonExercises(db, l.id)).some((e) => e.kind === 'sensor')).toBe(true);
	}
}, 120_000);

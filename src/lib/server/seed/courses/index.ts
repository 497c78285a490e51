// Seeds the four courses of the Blockly path (issue 15): each exercise is created published, then
// listed in its course lesson; lessons that prepare a STEM lesson link to it by its title.
import type { Conn, DB } from '../../db';
import { createSeedExercise } from '../exercises';
import { exerciseKey } from '../../content/records';
import { COURSE_3 } from './lop-3';
import { COURSE_4_5 } from './lop-4-5';
import { COURSE_6_7 } from './lop-6-7';
import { COURSE_8_9 } from './lop-8-9';
import type { SeedCourse } from './types';

export const SEED_COURSES: SeedCourse[] = [COURSE_3, COURSE_4_5, COURSE_6_7, COURSE_8_9];

/** The department's STEM lesson of that title (a course lesson prepares it). */
export async function stemLessonId(db: Conn, title: string | undefined): Promise<number | null> {
	if (!title) return null;
	const row = await db
		.selectFrom('lessons')
		.select('id')
		.where('title', '=', title)
		.where('school_id', 'is', null)
		.orderBy('id')
		.executeTakeFirst();
	return row?.id ?? null;
}

export async function seedCourse(db: Conn, course: SeedCourse, position: number, now: number) {
	const { id: courseId } = await db
		.insertInto('courses')
		.values({
			slug: course.slug,
			title: course.title,
			grade_from: course.gradeFrom,
			grade_to: course.gradeTo,
			position,
			summary: course.summary
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const [i, lesson] of course.lessons.entries()) {
		const { id: lessonId } = await db
			.insertInto('course_lessons')
			.values({
				course_id: courseId,
				position: i + 1,
				slug: lesson.slug,
				title: lesson.title,
				concept: lesson.concept,
				summary: lesson.summary,
				stem_lesson_id: await stemLessonId(db, lesson.stemLesson)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const [j, e] of lesson.exercises.entries()) {
			const key = exerciseKey(e.title, { course: course.slug, lesson: lesson.slug });
			const exerciseId = await createSeedExercise(db, e, key, now);
			await db
				.insertInto('course_lesson_exercises')
				.values({ course_lesson_id: lessonId, exercise_id: exerciseId, position: j + 1 })
				.execute();
		}
	}
	return courseId;
}

export async function seedCourses(db: DB, now = Date.now()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		for (const [i, c] of SEED_COURSES.entries()) await seedCourse(trx, c, i + 1, now);
	});
}

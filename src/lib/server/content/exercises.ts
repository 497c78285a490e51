// The built-in exercises, as the sync reads and writes them: shared (no school, no author), published;
// a course's puzzle in its course lesson.
import type { Conn } from '../db';
import { createExercise, type ExerciseInput } from '../exercises/exercises';
import { seedSpec } from '../seed/exercises';
import { stemLessonId } from '../seed/courses';
import type { BuiltinExercise, CoursePlace } from './builtin';
import { exerciseHash, hashOf } from './records';
import type { Adapter } from './sync';

const build = (e: BuiltinExercise): ExerciseInput => ({
	title: e.source.title,
	kind: e.source.kind,
	grade: e.source.grade,
	concept: e.source.concept,
	spec: seedSpec(e.source)
});

/** The course lesson of a place, made (at the end of its course) when the pilot does not have it yet. */
async function courseLessonOf(db: Conn, place: CoursePlace): Promise<number> {
	const { course, lesson } = place;
	let courseId = (
		await db.selectFrom('courses').select('id').where('slug', '=', course.slug).executeTakeFirst()
	)?.id;
	courseId ??= (
		await db
			.insertInto('courses')
			.values({
				...{ slug: course.slug, title: course.title, summary: course.summary },
				...{
					grade_from: course.gradeFrom,
					grade_to: course.gradeTo,
					position: place.coursePosition
				}
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const found = await db
		.selectFrom('course_lessons')
		.select('id')
		.where('course_id', '=', courseId)
		.where('slug', '=', lesson.slug)
		.executeTakeFirst();
	if (found) return found.id;
	const last = await db
		.selectFrom('course_lessons')
		.select((eb) => eb.fn.max('position').as('p'))
		.where('course_id', '=', courseId)
		.executeTakeFirst();
	const values = { slug: lesson.slug, title: lesson.title, concept: lesson.concept };
	const made = await db
		.insertInto('course_lessons')
		.values({
			...values,
			course_id: courseId,
			position: Number(last?.p ?? 0) + 1,
			summary: lesson.summary,
			stem_lesson_id: await stemLessonId(db, lesson.stemLesson)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return made.id;
}

/** A new puzzle joins the end of its course lesson. */
async function placeInCourse(db: Conn, place: CoursePlace, exerciseId: number) {
	const lessonId = await courseLessonOf(db, place);
	const last = await db
		.selectFrom('course_lesson_exercises')
		.select((eb) => eb.fn.max('position').as('p'))
		.where('course_lesson_id', '=', lessonId)
		.executeTakeFirst();
	await db
		.insertInto('course_lesson_exercises')
		.values({
			course_lesson_id: lessonId,
			exercise_id: exerciseId,
			position: Number(last?.p ?? 0) + 1
		})
		.execute();
}

/** Seeded before records were kept: the shared exercise of that title, in that course lesson (or none). */
async function adopt(db: Conn, e: BuiltinExercise, taken: Set<number>) {
	let q = db
		.selectFrom('exercises as x')
		.leftJoin('course_lesson_exercises as ce', 'ce.exercise_id', 'x.id')
		.leftJoin('course_lessons as cl', 'cl.id', 'ce.course_lesson_id')
		.leftJoin('courses as c', 'c.id', 'cl.course_id')
		.select('x.id')
		.where('x.title', '=', e.source.title)
		.where('x.school_id', 'is', null)
		.where('x.author_id', 'is', null)
		.where('x.copied_from_id', 'is', null);
	q = e.place
		? q.where('c.slug', '=', e.place.course.slug).where('cl.slug', '=', e.place.lesson.slug)
		: q.where('ce.exercise_id', 'is', null);
	const rows = await q.orderBy('x.id').execute();
	return rows.map((r) => r.id).find((id) => !taken.has(id));
}

export const exerciseAdapter: Adapter<BuiltinExercise, ExerciseInput> = {
	kind: 'exercise',
	sourceHash: (e) => hashOf(e.source),
	build,
	contentHash: (c) => exerciseHash({ ...c, spec: JSON.stringify(c.spec) }),
	async current(db, id) {
		const row = await db
			.selectFrom('exercises')
			.select(['title', 'kind', 'grade', 'concept', 'spec', 'created_at', 'updated_at'])
			.where('id', '=', id)
			.executeTakeFirst();
		return row && { hash: exerciseHash(row), untouched: row.created_at === row.updated_at };
	},
	adopt,
	async add(db, e, c, now) {
		const id = await createExercise(
			db,
			{ ...c, authorId: null, schoolId: null, status: 'published', referencePasses: true },
			now
		);
		if (e.place) await placeInCourse(db, e.place, id);
		return id;
	},
	async update(db, id, c, now) {
		await db
			.updateTable('exercises')
			.set({ ...c, spec: JSON.stringify(c.spec), reference_passes: 1, updated_at: now })
			.where('id', '=', id)
			.execute();
	}
};

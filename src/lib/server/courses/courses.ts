// Courses: the pilot's Blockly path (migration 0013). The shape, top down:
//
//   Course        { id, slug, title, gradeFrom, gradeTo, position, summary }
//                 four shared courses: 'lop-3' (grade 3), 'lop-4-5', 'lop-6-7', 'lop-8-9'
//     Lesson      { id, courseId, position (1…), slug, title, concept, summary, stemLessonId }
//                 5–10 puzzles on ONE concept (CourseConcept: sequence, loops, nested_loops, events,
//                 conditions, variables, functions, lists, debugging), introduced → practised → stretched;
//                 stemLessonId: the STEM lesson (table lessons) it prepares, or null
//       Exercise  { id, title, kind, grade, concept, position (1…) }: an ordinary row of `exercises`
//                 (its spec, grading and attempts are unchanged); an exercise sits in one lesson at most.
//
// Courses are the department's (no school): every school's teachers and pupils see the same path.
// Content is seeded from src/lib/server/seed/courses/ (seedCourses), never edited in the app.
import type { Conn } from '../db';
import type { CourseConcept } from '../db/types';
import type { Kind } from '$lib/blockly/spec';

export type { CourseConcept };
export const COURSE_CONCEPTS: CourseConcept[] = [
	'sequence',
	'loops',
	'nested_loops',
	'events',
	'conditions',
	'variables',
	'functions',
	'lists',
	'debugging'
];

export interface Course {
	id: number;
	slug: string;
	title: string;
	gradeFrom: number;
	gradeTo: number;
	position: number;
	summary: string;
	lessons: number;
	exercises: number;
}

export interface CourseExercise {
	id: number;
	title: string;
	kind: Kind;
	grade: number;
	position: number;
}

export interface CourseLesson {
	id: number;
	courseId: number;
	position: number;
	slug: string;
	title: string;
	concept: CourseConcept;
	summary: string;
	stemLessonId: number | null;
	stemLessonTitle: string | null;
	exercises: CourseExercise[];
}

const courseColumns = [
	'courses.id',
	'courses.slug',
	'courses.title',
	'courses.grade_from',
	'courses.grade_to',
	'courses.position',
	'courses.summary'
] as const;

/** The courses, in order; with `grade`, only the one(s) for that grade. Counts lessons and exercises. */
export async function listCourses(db: Conn, filter: { grade?: number } = {}): Promise<Course[]> {
	let q = db
		.selectFrom('courses')
		.leftJoin('course_lessons', 'course_lessons.course_id', 'courses.id')
		.leftJoin(
			'course_lesson_exercises',
			'course_lesson_exercises.course_lesson_id',
			'course_lessons.id'
		)
		.select(courseColumns)
		.select((eb) => [
			eb.fn.count<number>('course_lessons.id').distinct().as('lessons'),
			eb.fn.count<number>('course_lesson_exercises.exercise_id').as('exercises')
		])
		.groupBy([...courseColumns])
		.orderBy('courses.position');
	if (filter.grade)
		q = q
			.where('courses.grade_from', '<=', filter.grade)
			.where('courses.grade_to', '>=', filter.grade);
	const rows = await q.execute();
	return rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		title: r.title,
		gradeFrom: r.grade_from,
		gradeTo: r.grade_to,
		position: r.position,
		summary: r.summary,
		lessons: Number(r.lessons),
		exercises: Number(r.exercises)
	}));
}

export async function getCourse(db: Conn, idOrSlug: number | string): Promise<Course | undefined> {
	const all = await listCourses(db);
	return all.find((c) => (typeof idOrSlug === 'number' ? c.id : c.slug) === idOrSlug);
}

/** The exercises of some lessons, in order, keyed by lesson id. */
async function exercisesByLesson(db: Conn, lessonIds: number[]) {
	const map = new Map<number, CourseExercise[]>();
	if (!lessonIds.length) return map;
	const rows = await db
		.selectFrom('course_lesson_exercises as cle')
		.innerJoin('exercises', 'exercises.id', 'cle.exercise_id')
		.select([
			'cle.course_lesson_id',
			'cle.position',
			'exercises.id',
			'exercises.title',
			'exercises.kind',
			'exercises.grade'
		])
		.where('cle.course_lesson_id', 'in', lessonIds)
		.where('exercises.status', '=', 'published')
		.orderBy('cle.course_lesson_id')
		.orderBy('cle.position')
		.execute();
	for (const r of rows) {
		const list = map.get(r.course_lesson_id) ?? [];
		list.push({ id: r.id, title: r.title, kind: r.kind, grade: r.grade, position: r.position });
		map.set(r.course_lesson_id, list);
	}
	return map;
}

async function lessonRows(db: Conn, where: { courseId?: number; lessonId?: number }) {
	let q = db
		.selectFrom('course_lessons')
		.leftJoin('lessons', 'lessons.id', 'course_lessons.stem_lesson_id')
		.select([
			'course_lessons.id',
			'course_lessons.course_id',
			'course_lessons.position',
			'course_lessons.slug',
			'course_lessons.title',
			'course_lessons.concept',
			'course_lessons.summary',
			'course_lessons.stem_lesson_id',
			'lessons.title as stem_title'
		])
		.orderBy('course_lessons.position');
	if (where.courseId) q = q.where('course_lessons.course_id', '=', where.courseId);
	if (where.lessonId) q = q.where('course_lessons.id', '=', where.lessonId);
	const rows = await q.execute();
	const exercises = await exercisesByLesson(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r): CourseLesson => ({
		id: r.id,
		courseId: r.course_id,
		position: r.position,
		slug: r.slug,
		title: r.title,
		concept: r.concept,
		summary: r.summary,
		stemLessonId: r.stem_lesson_id,
		stemLessonTitle: r.stem_title ?? null,
		exercises: exercises.get(r.id) ?? []
	}));
}

/** A course with its lessons in order, each with its published exercises in order. */
export async function courseWithLessons(db: Conn, courseId: number) {
	const course = await getCourse(db, courseId);
	if (!course) return undefined;
	return { ...course, lessons: await lessonRows(db, { courseId }) };
}

export async function getCourseLesson(db: Conn, lessonId: number) {
	const [lesson] = await lessonRows(db, { lessonId });
	return lesson;
}

/** The published exercises of one course lesson, in order. */
export async function lessonExercises(db: Conn, lessonId: number): Promise<CourseExercise[]> {
	return (await exercisesByLesson(db, [lessonId])).get(lessonId) ?? [];
}

/** Where an exercise sits in the path: its course, lesson, place and the next puzzle (or null). */
export async function placeOfExercise(db: Conn, exerciseId: number) {
	const row = await db
		.selectFrom('course_lesson_exercises')
		.innerJoin('course_lessons', 'course_lessons.id', 'course_lesson_exercises.course_lesson_id')
		.select([
			'course_lessons.id as lesson_id',
			'course_lessons.course_id',
			'course_lessons.position as lesson_position',
			'course_lesson_exercises.position'
		])
		.where('course_lesson_exercises.exercise_id', '=', exerciseId)
		.executeTakeFirst();
	if (!row) return null;
	const course = await courseWithLessons(db, row.course_id);
	if (!course) return null;
	const order = course.lessons.flatMap((l) => l.exercises.map((e) => ({ lesson: l, e })));
	const i = order.findIndex((x) => x.e.id === exerciseId);
	const lesson = course.lessons.find((l) => l.id === row.lesson_id)!;
	return {
		course: { id: course.id, slug: course.slug, title: course.title },
		lesson: {
			id: lesson.id,
			title: lesson.title,
			position: lesson.position,
			concept: lesson.concept
		},
		position: row.position,
		of: lesson.exercises.length,
		nextExerciseId: i >= 0 && i + 1 < order.length ? order[i + 1].e.id : null
	};
}

/**
 * What the assignment form needs to assign a whole course lesson: a title naming the course and the
 * lesson, and the lesson's published puzzles in their order. Undefined for an unknown lesson.
 */
export async function lessonToAssign(db: Conn, lessonId: number) {
	if (!Number.isInteger(lessonId) || lessonId < 1) return undefined;
	const lesson = await getCourseLesson(db, lessonId);
	if (!lesson) return undefined;
	const course = await getCourse(db, lesson.courseId);
	if (!course) return undefined;
	return {
		lessonId: lesson.id,
		courseSlug: course.slug,
		title: `${lesson.title} — ${course.title}`,
		exerciseIds: lesson.exercises.map((e) => e.id)
	};
}

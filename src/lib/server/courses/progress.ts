// A pupil's way along their courses (issue 17): what the course map, "Tiến bộ của em" and the
// certificates read. The rules, per pupil per course:
//   - a puzzle is solved once any graded attempt passed; its stars are the best of its passed attempts;
//   - the next puzzle is the first unsolved one in path order (lesson by lesson, puzzle by puzzle);
//   - a puzzle is "assigned" while it is unsolved and in exercise work set for the pupil (opened,
//     not closed); it shows the earliest due date of that work;
//   - a course is complete when every puzzle of it is solved; it was completed on the day (Vietnam's)
//     its last puzzle was first passed. A complete course is a certificate (nothing stored).
// The pupil's courses are those of their class's grade.
import type { Conn } from '../db';
import { today } from '../classes/pupils';
import { listPupilWork } from '../assignments/assignments';
import { courseWithLessons, listCourses, type Course, type CourseLesson } from './courses';

export interface PuzzleProgress {
	id: number;
	title: string;
	kind: string;
	position: number;
	solved: boolean;
	stars: number;
	/** Unsolved work set for the pupil: its earliest due date (yyyy-mm-dd), else null. */
	dueOn: string | null;
	next: boolean;
}

export interface LessonProgress {
	id: number;
	position: number;
	title: string;
	concept: CourseLesson['concept'];
	puzzles: PuzzleProgress[];
	solved: number;
}

export interface CourseProgress {
	course: Pick<Course, 'id' | 'slug' | 'title' | 'gradeFrom' | 'gradeTo' | 'summary'>;
	lessons: LessonProgress[];
	solved: number;
	total: number;
	stars: number;
	next: { exerciseId: number; lessonId: number; title: string } | null;
	complete: boolean;
	/** yyyy-mm-dd, Vietnam's date, when complete. */
	completedOn: string | null;
}

interface Solved {
	stars: number;
	firstPassedAt: number;
}

/** Per exercise: best stars of passed attempts and when it was first passed. */
async function solvedExercises(db: Conn, pupilId: number, ids: number[]) {
	const map = new Map<number, Solved>();
	if (!ids.length) return map;
	const rows = await db
		.selectFrom('exercise_attempts')
		.select((eb) => [
			'exercise_id',
			eb.fn.max('stars').as('stars'),
			eb.fn.min('created_at').as('first')
		])
		.where('pupil_id', '=', pupilId)
		.where('passed', '=', 1)
		.where('exercise_id', 'in', ids)
		.groupBy('exercise_id')
		.execute();
	for (const r of rows)
		map.set(r.exercise_id, { stars: Number(r.stars), firstPassedAt: Number(r.first) });
	return map;
}

/** Per exercise: the earliest due date among the open exercise work set for the pupil. */
export async function assignedDueDates(db: Conn, pupilId: number, now = Date.now()) {
	const work = (await listPupilWork(db, pupilId, now)).filter(
		(w) => w.kind === 'exercises' && !w.closed
	);
	const due = new Map<number, string>();
	if (!work.length) return due;
	const dueOf = new Map(work.map((w) => [w.id, w.dueOn]));
	const rows = await db
		.selectFrom('assignment_exercises')
		.select(['assignment_id', 'exercise_id'])
		.where(
			'assignment_id',
			'in',
			work.map((w) => w.id)
		)
		.execute();
	for (const r of rows) {
		const d = dueOf.get(r.assignment_id)!;
		const had = due.get(r.exercise_id);
		if (!had || d < had) due.set(r.exercise_id, d);
	}
	return due;
}

/** One course as the pupil has walked it. */
export async function courseProgress(
	db: Conn,
	courseId: number,
	pupilId: number,
	now = Date.now(),
	due?: Map<number, string>
): Promise<CourseProgress | undefined> {
	const course = await courseWithLessons(db, courseId);
	if (!course) return undefined;
	const ids = course.lessons.flatMap((l) => l.exercises.map((e) => e.id));
	const solved = await solvedExercises(db, pupilId, ids);
	due ??= await assignedDueDates(db, pupilId, now);
	let next: CourseProgress['next'] = null;
	const lessons = course.lessons.map((l): LessonProgress => {
		const puzzles = l.exercises.map((e): PuzzleProgress => {
			const s = solved.get(e.id);
			const isNext = !s && !next;
			if (isNext) next = { exerciseId: e.id, lessonId: l.id, title: e.title };
			return {
				id: e.id,
				title: e.title,
				kind: e.kind,
				position: e.position,
				solved: !!s,
				stars: s?.stars ?? 0,
				dueOn: s ? null : (due.get(e.id) ?? null),
				next: isNext
			};
		});
		const { id, position, title, concept } = l;
		return {
			id,
			position,
			title,
			concept,
			puzzles,
			solved: puzzles.filter((p) => p.solved).length
		};
	});
	const complete = ids.length > 0 && solved.size === ids.length;
	const last = Math.max(...[...solved.values()].map((s) => s.firstPassedAt));
	const { slug, title, gradeFrom, gradeTo, summary } = course;
	return {
		course: { id: course.id, slug, title, gradeFrom, gradeTo, summary },
		lessons,
		solved: solved.size,
		total: ids.length,
		stars: [...solved.values()].reduce((n, s) => n + s.stars, 0),
		next,
		complete,
		completedOn: complete ? today(last) : null
	};
}

/** The grade of the pupil's class now, or null. */
async function pupilGrade(db: Conn, pupilId: number) {
	const row = await db
		.selectFrom('enrolments')
		.innerJoin('classes', 'classes.id', 'enrolments.class_id')
		.select('classes.grade')
		.where('enrolments.pupil_id', '=', pupilId)
		.where('enrolments.ended_on', 'is', null)
		.executeTakeFirst();
	return row?.grade ?? null;
}

/** Every course of the pupil's grade, walked. */
export async function pupilCourses(db: Conn, pupilId: number, now = Date.now()) {
	const grade = await pupilGrade(db, pupilId);
	if (!grade) return [];
	const due = await assignedDueDates(db, pupilId, now);
	const out: CourseProgress[] = [];
	for (const c of await listCourses(db, { grade })) {
		const p = await courseProgress(db, c.id, pupilId, now, due);
		if (p) out.push(p);
	}
	return out;
}

export interface Certificate {
	courseId: number;
	courseSlug: string;
	courseTitle: string;
	completedOn: string;
}

/** The courses the pupil has completed (any grade's: a certificate stays when they move up). */
export async function pupilCertificates(db: Conn, pupilId: number): Promise<Certificate[]> {
	const out: Certificate[] = [];
	const none = new Map<number, string>();
	for (const c of await listCourses(db)) {
		const p = await courseProgress(db, c.id, pupilId, Date.now(), none);
		if (p?.complete)
			out.push({
				courseId: c.id,
				courseSlug: c.slug,
				courseTitle: c.title,
				completedOn: p.completedOn!
			});
	}
	return out;
}

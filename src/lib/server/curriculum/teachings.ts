// The teaching log: "taught to class X on date D, N periods", what the evaluation counts as dosage.
import type { Conn } from '../db';
import { cleanLong } from './content';
import { getVisibleLesson, type Viewer } from './lessons';

export interface TeachingInput {
	classId: string | number;
	taughtOn: string;
	periods: string | number;
	note: string;
}

export type TeachingErrors = Partial<
	Record<'classId' | 'taughtOn' | 'periods' | 'note', 'required' | 'invalid' | 'too_long'>
>;

const DAY = 86_400_000;

/** Records a teaching of a lesson the teacher can see, to a class they teach. */
export async function logTeaching(
	db: Conn,
	teacher: Viewer,
	lessonId: number,
	input: TeachingInput,
	now = Date.now()
): Promise<{ ok: true; id: number } | { ok: false; errors: TeachingErrors; notFound?: true }> {
	const lesson = await getVisibleLesson(db, lessonId, teacher);
	if (!lesson || teacher.role !== 'teacher') return { ok: false, errors: {}, notFound: true };
	const errors: TeachingErrors = {};
	const classId = Number(input.classId);
	const teaches =
		Number.isSafeInteger(classId) &&
		(await db
			.selectFrom('class_teachers')
			.select('class_id')
			.where('class_id', '=', classId)
			.where('teacher_id', '=', teacher.id)
			.executeTakeFirst());
	if (!input.classId) errors.classId = 'required';
	else if (!teaches) errors.classId = 'invalid';
	const d = String(input.taughtOn ?? '');
	const time = /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(d + 'T00:00:00Z') : NaN;
	if (!d) errors.taughtOn = 'required';
	// A real date, not in the future (a day's slack for time zones), not before the pilot.
	else if (
		Number.isNaN(time) ||
		new Date(time).toISOString().slice(0, 10) !== d ||
		time > now + DAY ||
		d < '2020-01-01'
	)
		errors.taughtOn = 'invalid';
	const periods = Number(input.periods);
	if (!Number.isInteger(periods) || periods < 1 || periods > 20) errors.periods = 'invalid';
	const note = cleanLong(input.note);
	if (note.length > 2000) errors.note = 'too_long';
	if (Object.keys(errors).length) return { ok: false, errors };
	const { id } = await db
		.insertInto('lesson_teachings')
		.values({
			lesson_id: lessonId,
			class_id: classId,
			teacher_id: teacher.id,
			taught_on: d,
			periods,
			note,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { ok: true, id };
}

export interface Teaching {
	id: number;
	className: string;
	taughtOn: string;
	periods: number;
	note: string;
}

/** The teacher's own log for a lesson, newest first. */
export async function listTeachings(
	db: Conn,
	teacherId: number,
	lessonId: number
): Promise<Teaching[]> {
	const rows = await db
		.selectFrom('lesson_teachings as t')
		.innerJoin('classes', 'classes.id', 't.class_id')
		.select(['t.id', 'classes.name', 't.taught_on', 't.periods', 't.note'])
		.where('t.teacher_id', '=', teacherId)
		.where('t.lesson_id', '=', lessonId)
		.orderBy('t.taught_on', 'desc')
		.orderBy('t.id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		className: r.name,
		taughtOn: r.taught_on,
		periods: r.periods,
		note: r.note
	}));
}

// The pupil's side: which class they are in (for the grade and the attempt's class), what they may open.
import { markdownToHtml } from '../markdown';
import type { Conn } from '../db';
import { compiledOnce } from '../db/compiled-once';
import { notFound } from '../auth/guard';
import { getExercise, type Exercise } from './exercises';

/** The pupil's current class (and its school's name), or undefined when they are in none. */
export async function pupilClass(db: Conn, pupilId: number) {
	return db
		.selectFrom('enrolments')
		.innerJoin('classes', 'classes.id', 'enrolments.class_id')
		.innerJoin('schools', 'schools.id', 'classes.school_id')
		.select([
			'classes.id',
			'classes.grade',
			'classes.school_id',
			'classes.name',
			'schools.name as school_name'
		])
		.where('enrolments.pupil_id', '=', pupilId)
		.where('enrolments.ended_on', 'is', null)
		.executeTakeFirst();
}

/** Whether a pupil of this school may open it: published, and the department's, their school's or shared. */
function opensFor(
	ex: { status: string; schoolId: number | null; sharedAt: number | null },
	schoolId: number | null
) {
	return (
		ex.status === 'published' &&
		(ex.schoolId === null || ex.schoolId === schoolId || ex.sharedAt !== null)
	);
}

/** A published exercise, shared or of the pupil's school; anything else is a 404. */
export async function requirePupilExercise(
	db: Conn,
	pupil: { id: number; schoolId: number | null },
	id: number
): Promise<Exercise> {
	const ex = await getExercise(db, id);
	if (!ex || !opensFor(ex, pupil.schoolId)) notFound();
	return ex;
}

/** What the rule reads of an exercise (compiled once: every autosave asks). */
const whoMayOpen = compiledOnce((db: Conn, id: number) =>
	db.selectFrom('exercises').select(['status', 'school_id', 'shared_at']).where('id', '=', id)
);

/**
 * The same rule as requirePupilExercise for the autosave, which needs only the id: reads three
 * columns and parses no spec.
 */
export async function requirePupilMayOpen(
	db: Conn,
	pupil: { schoolId: number | null },
	id: number
): Promise<number> {
	const [ex] = await whoMayOpen(db, id);
	if (
		!ex ||
		!opensFor({ status: ex.status, schoolId: ex.school_id, sharedAt: ex.shared_at }, pupil.schoolId)
	)
		notFound();
	return id;
}

/** Tasks rendered lately: the same task is shown to a whole class, and sanitizing costs ~2 ms. */
const rendered = new Map<string, string>();

/** Markdown of a task, sanitized on the server. */
export function renderTask(markdown: string): string {
	let html = rendered.get(markdown);
	if (html === undefined) {
		if (rendered.size >= 500) rendered.clear();
		rendered.set(markdown, (html = sanitizeTask(markdown)));
	}
	return html;
}

function sanitizeTask(markdown: string): string {
	return markdownToHtml(markdown, 'task');
}

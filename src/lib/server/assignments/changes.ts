// Assignments that can change: edit, extend the due date (for the class or chosen pupils), duplicate
// to another class, delete one nobody has worked on, archive one with work.
import type { Conn } from '../db';
import { isIsoDate } from '../schools/schools';
import { listTeacherClasses } from '../classes/classes';
import {
	checkBasics,
	insertAssignment,
	listExercises,
	listSteps,
	targetPupils,
	type Assignment,
	type AssignmentErrors
} from './assignments';

export type ChangeResult = { ok: true } | { ok: false; errors: AssignmentErrors };

/** New title, instructions and dates; the pupils' statuses follow the new due date. */
export async function updateAssignment(
	db: Conn,
	a: Assignment,
	input: { title: string; instructions: string; opensOn: string; dueOn: string }
): Promise<ChangeResult> {
	const errors: AssignmentErrors = {};
	const { title, instructions } = checkBasics(input, errors);
	if (Object.keys(errors).length) return { ok: false, errors };
	await db
		.updateTable('assignments')
		.set({ title, instructions, opens_on: input.opensOn, due_on: input.dueOn })
		.where('id', '=', a.id)
		.execute();
	// An extension no later than the class's new due date is no extension any more.
	await db
		.deleteFrom('assignment_extensions')
		.where('assignment_id', '=', a.id)
		.where('due_on', '<=', input.dueOn)
		.execute();
	return { ok: true };
}

/**
 * A later due date: for the whole class (no pupils given) or for chosen pupils of the work.
 * Never earlier than the due date it replaces.
 */
export async function extendDue(
	db: Conn,
	a: Assignment,
	dueOn: string,
	pupilIds: number[]
): Promise<ChangeResult> {
	if (!isIsoDate(dueOn)) return { ok: false, errors: { dueOn: dueOn ? 'invalid' : 'required' } };
	if (dueOn < a.dueOn) return { ok: false, errors: { dueOn: 'invalid' } };
	if (!pupilIds.length) {
		await db.updateTable('assignments').set({ due_on: dueOn }).where('id', '=', a.id).execute();
		await db
			.deleteFrom('assignment_extensions')
			.where('assignment_id', '=', a.id)
			.where('due_on', '<=', dueOn)
			.execute();
		return { ok: true };
	}
	const targets = new Set((await targetPupils(db, a.id)).map((p) => p.id));
	const chosen = [...new Set(pupilIds)];
	if (chosen.some((p) => !targets.has(p))) return { ok: false, errors: { targets: 'invalid' } };
	await db
		.insertInto('assignment_extensions')
		.values(chosen.map((p) => ({ assignment_id: a.id, pupil_id: p, due_on: dueOn })))
		.onConflict((oc) => oc.columns(['assignment_id', 'pupil_id']).doUpdateSet({ due_on: dueOn }))
		.execute();
	return { ok: true };
}

/** The same work (title, dates, exercises or steps and rubric) for another class of the teacher's. */
export async function duplicateAssignment(
	db: Conn,
	teacher: { id: number; schoolId: number },
	a: Assignment,
	classId: number,
	now = Date.now()
): Promise<{ ok: true; id: number } | { ok: false; errors: AssignmentErrors }> {
	const mine = await listTeacherClasses(db, teacher.id);
	if (!mine.some((c) => c.id === classId)) return { ok: false, errors: { targets: 'invalid' } };
	const id = await insertAssignment(
		db,
		{
			schoolId: teacher.schoolId,
			teacherId: teacher.id,
			kind: a.kind,
			title: a.title,
			instructions: a.instructions,
			lessonId: a.lessonId,
			process: a.process,
			rubricJson: a.rubric ? JSON.stringify(a.rubric) : null,
			opensOn: a.opensOn,
			dueOn: a.dueOn,
			targets: [{ classId, pupilId: null }],
			exerciseIds: (await listExercises(db, a.id)).map((e) => e.id),
			steps: await listSteps(db, a.id)
		},
		now
	);
	return { ok: true, id };
}

/** Has anyone worked on it: an attempt at one of its exercises since it opened, or a team's work. */
export async function hasWork(db: Conn, a: Assignment): Promise<boolean> {
	if (a.kind === 'exercises') {
		const pupils = (await targetPupils(db, a.id)).map((p) => p.id);
		const exercises = (await listExercises(db, a.id)).map((e) => e.id);
		if (!pupils.length || !exercises.length) return false;
		const row = await db
			.selectFrom('exercise_attempts')
			.select('id')
			.where('pupil_id', 'in', pupils)
			.where('exercise_id', 'in', exercises)
			.where('created_at', '>=', Date.parse(`${a.opensOn}T00:00:00+07:00`))
			.executeTakeFirst();
		return row !== undefined;
	}
	const teams = db.selectFrom('teams').select('id').where('assignment_id', '=', a.id);
	for (const table of [
		'portfolio_entries',
		'portfolio_photos',
		'portfolio_files',
		'submissions',
		'reviews'
	] as const) {
		const row = await db
			.selectFrom(table)
			.select('team_id')
			.where('team_id', 'in', teams)
			.executeTakeFirst();
		if (row) return true;
	}
	return false;
}

/** Deletes work nobody has started (its teams too); refuses once there is work: archive it then. */
export async function deleteAssignment(db: Conn, a: Assignment): Promise<boolean> {
	if (await hasWork(db, a)) return false;
	await db.deleteFrom('assignments').where('id', '=', a.id).execute();
	return true;
}

/** Puts away work that has been done: closed to pupils, off their lists, kept for the figures. */
export async function archiveAssignment(db: Conn, a: Assignment, by: number, now = Date.now()) {
	await db
		.updateTable('assignments')
		.set({ closed_at: a.closedAt ?? now })
		.where('id', '=', a.id)
		.execute();
	await db
		.insertInto('assignment_archives')
		.values({ assignment_id: a.id, archived_by: by, archived_at: now })
		.onConflict((oc) => oc.column('assignment_id').doNothing())
		.execute();
}

export async function isArchived(db: Conn, id: number): Promise<boolean> {
	const row = await db
		.selectFrom('assignment_archives')
		.select('assignment_id')
		.where('assignment_id', '=', id)
		.executeTakeFirst();
	return row !== undefined;
}

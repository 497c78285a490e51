import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import * as assignments from '$lib/server/assignments/assignments';
import * as attempts from '$lib/server/exercises/attempts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const a = await assignments.getAssignmentForPupil(db, user.id, idParam(event.params.id));
	if (!a) notFound();
	const work = (await assignments.pupilStatuses(db, a, [user.id])).get(user.id)!;
	if (a.kind === 'project' && work.teamId) redirect(303, `/learn/projects/${work.teamId}`);
	const exercises = a.kind === 'exercises' ? await assignments.listExercises(db, a.id) : [];
	const passed = await attempts.passedAmong(
		db,
		user.id,
		exercises.map((e) => e.id)
	);
	return {
		assignment: {
			id: a.id,
			kind: a.kind,
			title: a.title,
			instructions: a.instructions,
			dueOn: a.dueOn
		},
		status: work.status,
		exercises: exercises.map((e) => ({ id: e.id, title: e.title, passed: passed.has(e.id) }))
	};
};

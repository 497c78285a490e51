import { idParam, notFound } from '$lib/server/auth/guard';
import * as attempts from '$lib/server/exercises/attempts';
import { requireTeacherExercise } from '$lib/server/exercises/teacher';
import { getClassForTeacher } from '$lib/server/classes/classes';
import type { Verdict } from '$lib/blockly/verdict';
import { omit } from '$lib/omit';
import type { PageServerLoad } from './$types';

/** A pupil's attempt, for the teacher of the class they made it in; read-only, replayable. */
export const load: PageServerLoad = async (event) => {
	const { user, db, ex } = await requireTeacherExercise(event);
	const attempt = await attempts.getAttempt(db, idParam(event.params.attemptId));
	if (!attempt || attempt.exercise_id !== ex.id || attempt.class_id === null) notFound();
	if (!(await getClassForTeacher(db, user, attempt.class_id))) notFound();
	let workspace = null;
	try {
		workspace = JSON.parse(attempt.workspace);
	} catch {
		// shown empty
	}
	return {
		exercise: { id: ex.id, title: ex.title, kind: ex.kind },
		spec: { ...omit(ex.spec, 'reference', 'wrong'), reference: null },
		attempt: {
			name: attempt.full_name,
			passed: attempt.passed === 1,
			stars: attempt.stars,
			verdict: JSON.parse(attempt.verdict) as Verdict,
			createdAt: attempt.created_at
		},
		workspace
	};
};

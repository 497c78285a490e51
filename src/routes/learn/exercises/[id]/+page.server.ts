import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, requireRole } from '$lib/server/auth/guard';
import { pupilView } from '$lib/blockly/spec';
import * as attempts from '$lib/server/exercises/attempts';
import { renderTask, requirePupilExercise } from '$lib/server/exercises/pupil';
import * as work from '$lib/server/exercises/work';
import * as grading from '$lib/server/exercises/grade-pool';
import * as courses from '$lib/server/courses/courses';
import { preloadBlockly } from '$lib/server/preload';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const ex = await requirePupilExercise(db, user, idParam(event.params.id));
	grading.warmGradingPool();
	const saved = await work.getWork(db, ex.id, user.id);
	let workspace = ex.spec.start;
	if (saved?.workspace) {
		try {
			workspace = JSON.parse(saved.workspace);
		} catch {
			// an unreadable save: start again from the starting blocks
		}
	}
	const hintsUsed = saved?.hintsUsed ?? 0;
	return {
		pupilId: user.id,
		exercise: { id: ex.id, title: ex.title, kind: ex.kind, grade: ex.grade, concept: ex.concept },
		taskHtml: renderTask(ex.spec.task),
		spec: pupilView(ex.spec),
		workspace,
		version: saved?.version ?? 0,
		hints: ex.spec.hints.slice(0, hintsUsed),
		hintCount: ex.spec.hints.length,
		best: await attempts.bestStars(db, ex.id, user.id),
		place: await courses.placeOfExercise(db, ex.id),
		preload: preloadBlockly(event, getLocale())
	};
};

export const actions: Actions = {
	hint: async (event) => {
		const user = requireRole(event, 'student');
		const db = database();
		const ex = await requirePupilExercise(db, user, idParam(event.params.id));
		if (ex.spec.hints.length === 0) return fail(400, { noHints: true });
		const used = await work.useHint(db, ex.id, user.id, ex.spec.hints.length);
		return { hints: ex.spec.hints.slice(0, used) };
	}
};

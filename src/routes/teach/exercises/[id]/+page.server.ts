import { fail, redirect } from '@sveltejs/kit';
import * as exercises from '$lib/server/exercises/exercises';
import * as sharing from '$lib/server/exercises/sharing';
import * as attempts from '$lib/server/exercises/attempts';
import { checkReference } from '$lib/server/exercises/authoring';
import { renderTask } from '$lib/server/exercises/pupil';
import { requireTeacherExercise } from '$lib/server/exercises/teacher';
import { listTeacherClasses } from '$lib/server/classes/classes';
import { omit } from '$lib/omit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, db, ex } = await requireTeacherExercise(event);
	const classes = await listTeacherClasses(db, user.id);
	const classAttempts = [];
	for (const cls of classes) {
		const rows = await attempts.listClassAttempts(db, ex.id, cls.id);
		if (rows.length) classAttempts.push({ id: cls.id, name: cls.name, rows });
	}
	return {
		exercise: {
			id: ex.id,
			title: ex.title,
			kind: ex.kind,
			grade: ex.grade,
			concept: ex.concept,
			status: ex.status,
			referencePasses: ex.referencePasses,
			shareRequestedAt: ex.shareRequestedAt,
			sharedAt: ex.sharedAt,
			shareComment: ex.shareComment
		},
		taskHtml: renderTask(ex.spec.task),
		spec: { ...omit(ex.spec, 'reference', 'wrong'), reference: null },
		hints: ex.spec.hints,
		editable: exercises.editableBy(ex, user),
		classAttempts
	};
};

export const actions: Actions = {
	copy: async (event) => {
		const { user, db, ex } = await requireTeacherExercise(event);
		const id = await exercises.createExercise(db, {
			title: ex.title,
			kind: ex.kind,
			grade: ex.grade,
			concept: ex.concept,
			spec: ex.spec,
			authorId: user.id,
			schoolId: user.schoolId,
			referencePasses: ex.referencePasses,
			copiedFromId: ex.id
		});
		redirect(303, `/teach/exercises/${id}/edit`);
	},
	/** Publishing grades the reference again on the server: nothing else can open the exercise to pupils. */
	publish: async (event) => {
		const { user, db, ex } = await requireTeacherExercise(event);
		if (!exercises.editableBy(ex, user))
			return fail(403, { publishError: 'forbidden', verdict: null });
		const { verdict } = checkReference(ex.kind, ex.spec);
		if (!verdict?.passed) return fail(400, { publishError: 'reference', verdict });
		await exercises.setStatus(db, ex.id, 'published');
		return { published: true };
	},
	requestShare: async (event) => {
		const { user, db, ex } = await requireTeacherExercise(event);
		const r = await sharing.requestSharing(db, user, ex);
		if (!r.ok) return fail(400, { shareError: r.error });
		return { shareRequested: true };
	},
	archive: async (event) => {
		const { user, db, ex } = await requireTeacherExercise(event);
		if (!exercises.editableBy(ex, user))
			return fail(403, { publishError: 'forbidden', verdict: null });
		await exercises.setStatus(db, ex.id, 'archived');
		redirect(303, '/teach/exercises');
	}
};

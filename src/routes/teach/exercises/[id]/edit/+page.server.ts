import { fail } from '@sveltejs/kit';
import { notFound } from '$lib/server/auth/guard';
import * as exercises from '$lib/server/exercises/exercises';
import { checkReference, parseExerciseForm } from '$lib/server/exercises/authoring';
import { echoValues, formValues } from '$lib/server/exercises/form-values';
import { requireTeacherExercise } from '$lib/server/exercises/teacher';
import type { Verdict } from '$lib/blockly/verdict';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, ex } = await requireTeacherExercise(event);
	if (!exercises.editableBy(ex, user)) notFound();
	const { verdict } = checkReference(ex.kind, ex.spec);
	return {
		id: ex.id,
		status: ex.status,
		values: formValues(ex),
		reference: ex.spec.reference ? (verdict as Verdict) : null,
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, db, ex } = await requireTeacherExercise(event);
		if (!exercises.editableBy(ex, user)) notFound();
		const form = await event.request.formData();
		const parsed = parseExerciseForm(form);
		if (!parsed.ok) return fail(400, { values: echoValues(form), errors: parsed.errors });
		const { spec, verdict } = checkReference(parsed.input.kind, parsed.input.spec);
		await exercises.updateExercise(db, ex.id, { ...parsed.input, spec }, !!verdict?.passed);
		return { saved: true };
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guard';
import * as exercises from '$lib/server/exercises/exercises';
import { checkReference, parseExerciseForm } from '$lib/server/exercises/authoring';
import { echoValues, formValues } from '$lib/server/exercises/form-values';
import { emptySpec } from '$lib/blockly/spec';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireTeacher(event);
	return {
		values: formValues({
			title: '',
			grade: 6,
			kind: 'maze',
			concept: 'sequence',
			spec: { ...emptySpec('maze'), toolbox: [] }
		})
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireTeacher(event);
		const form = await event.request.formData();
		const parsed = parseExerciseForm(form);
		if (!parsed.ok) return fail(400, { values: echoValues(form), errors: parsed.errors });
		const { spec, verdict } = checkReference(parsed.input.kind, parsed.input.spec);
		const id = await exercises.createExercise(database(), {
			...parsed.input,
			spec,
			authorId: user.id,
			schoolId: user.schoolId,
			referencePasses: !!verdict?.passed
		});
		redirect(303, `/teach/exercises/${id}/edit?saved=1`);
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guard';
import * as rubrics from '$lib/server/projects/rubrics';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	return {
		rubrics: await rubrics.listRubrics(database(), user.schoolId),
		starter: rubrics.startRubric([])
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireTeacher(event);
		const value = rubrics.rubricFromForm(await event.request.formData());
		if (Object.keys(value.errors).length) return fail(400, value);
		await rubrics.saveRubric(database(), user, null, value);
		redirect(303, '/teach/rubrics');
	}
};

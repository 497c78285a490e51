import { fail, type RequestEvent } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireTeacher } from '$lib/server/auth/guard';
import * as rubrics from '$lib/server/projects/rubrics';
import type { Actions, PageServerLoad } from './$types';

async function guard(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireTeacher(event);
	const db = database();
	const rubric = await rubrics.getRubric(db, idParam(event.params.id));
	if (!rubric || rubric.schoolId !== user.schoolId) notFound();
	return { user, db, rubric };
}

export const load: PageServerLoad = async (event) => {
	const { rubric } = await guard(event);
	return { rubric };
};

export const actions: Actions = {
	save: async (event) => {
		const { user, db, rubric } = await guard(event);
		const value = rubrics.rubricFromForm(await event.request.formData());
		if (Object.keys(value.errors).length) return fail(400, value);
		await rubrics.saveRubric(db, user, rubric.id, value);
		return { saved: true };
	}
};

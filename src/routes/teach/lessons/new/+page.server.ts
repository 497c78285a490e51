import { fail, redirect } from '@sveltejs/kit';
import { requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import { contentFromForm, validateContent } from '$lib/server/curriculum/content';
import { contentToValues, formToValues } from '$lib/curriculum/form';
import { emptyLesson } from '$lib/curriculum/lesson';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireTeacher(event);
	const process = event.url.searchParams.get('process') === 'inquiry' ? 'inquiry' : 'engineering';
	return { values: contentToValues(emptyLesson(process)) };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireTeacher(event);
		const form = await event.request.formData();
		const { raw, lineErrors } = contentFromForm(form);
		const v = validateContent(raw);
		const errors = [...lineErrors, ...(v.ok ? [] : v.errors)];
		if (!v.ok || errors.length) return fail(400, { values: formToValues(form), errors });
		const db = database();
		const id = await db
			.transaction()
			.execute((tx) =>
				lessons.createLesson(tx, { id: user.id, schoolId: user.schoolId }, v.content)
			);
		redirect(303, `/teach/lessons/${id}`);
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import { fileAuthor, importLesson, MAX_IMPORT_BYTES } from '$lib/server/curriculum/exchange';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireTeacher(event);
	return {};
};

export const actions: Actions = {
	/** A lesson file from another school becomes the teacher's draft; a bad file saves nothing. */
	default: async (event) => {
		const user = requireTeacher(event);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			return fail(400, { fileError: 'empty' as const });
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { fileError: 'empty' as const });
		if (file.size > MAX_IMPORT_BYTES) return fail(400, { fileError: 'large' as const });
		const text = new TextDecoder('utf-8', { fatal: false }).decode(await file.arrayBuffer());
		const r = importLesson(text);
		if (!r.ok) return fail(400, { fileName: file.name, errors: r.errors });
		const db = database();
		const id = await db.transaction().execute((tx) =>
			lessons.createLesson(tx, { id: user.id, schoolId: user.schoolId }, r.content, {
				originalAuthor: fileAuthor(text)
			})
		);
		redirect(303, `/teach/lessons/${id}`);
	}
};

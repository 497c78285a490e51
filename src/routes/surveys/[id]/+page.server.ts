import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import * as surveys from '$lib/server/surveys/surveys';
import { today } from '$lib/server/classes/pupils';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function openWindow(event: RequestEvent) {
	const user = requireRole(event, 'teacher', 'student');
	const db = database();
	const id = idParam(event.params.id);
	// A window not open for this person (another school, another form, closed) is a 404.
	const win = (await surveys.windowsFor(db, user, today())).find((w) => w.id === id);
	if (!win) notFound();
	return { user, db, win, form: (await surveys.getForm(db, win.formId))! };
}

export const load: PageServerLoad = async (event) => {
	const { win, form } = await openWindow(event);
	return {
		win,
		items: form.items.map((i) => ({ id: i.id, text: i.text })),
		title: form.title,
		// Grades 4–5 answer with faces and words the teacher reads aloud.
		faces: form.audience === 'pupil_primary'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, db, win, form } = await openWindow(event);
		const data = await event.request.formData();
		const answers = new Map<number, number>();
		for (const item of form.items) {
			const v = Number(data.get(`item-${item.id}`));
			if (surveys.SCALE_VALUES.includes(v)) answers.set(item.id, v);
		}
		const result = await db
			.transaction()
			.execute((tx) => surveys.submitResponse(tx, user, win.id, answers));
		if (!result.ok) return fail(400, { error: result.error, answers: Object.fromEntries(answers) });
		return { done: true };
	}
};

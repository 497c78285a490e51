import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import * as surveys from '$lib/server/surveys/surveys';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function formOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	requireRole(event, 'department', 'admin');
	const db = database();
	const form = await surveys.getForm(db, idParam(event.params.id));
	if (!form) notFound();
	return { db, form };
}

/** Locked (the form has answers): a clear refusal, nothing changed. Unknown item: 404. */
function refused(change: surveys.ItemChange) {
	if (change === 'not_found') notFound();
	return fail(409, { locked: true });
}

export const load: PageServerLoad = async (event) => {
	const { db, form } = await formOf(event);
	return {
		form,
		locked: await surveys.itemsLocked(db, form.id),
		scales: form.audience === 'teacher' ? surveys.TEACHER_SCALES : surveys.PUPIL_SCALES
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { db, form } = await formOf(event);
		const data = await event.request.formData();
		const reversed = data.get('reversed') === 'on';
		const checked = surveys.checkItem({
			text: String(data.get('text') ?? '').slice(0, 1000),
			scale: String(data.get('scale') ?? ''),
			audience: form.audience,
			reversed
		});
		if (checked.errors.length) return fail(400, { errors: checked.errors });
		const done = await surveys.addItem(db, form.id, {
			text: checked.text,
			scale: checked.scale,
			reversed
		});
		return done === 'ok' ? { added: true } : refused(done);
	},
	edit: async (event) => {
		const { db, form } = await formOf(event);
		const data = await event.request.formData();
		const item = form.items.find((i) => i.id === Number(data.get('itemId')));
		if (!item) notFound();
		const checked = surveys.checkItem({
			text: String(data.get('text') ?? '').slice(0, 1000),
			scale: item.scale,
			audience: form.audience
		});
		if (checked.errors.length) return fail(400, { errors: checked.errors, itemId: item.id });
		const done = await surveys.updateItemText(db, form.id, item.id, checked.text);
		return done === 'ok' ? { saved: true } : refused(done);
	},
	archive: async (event) => {
		const { db, form } = await formOf(event);
		const data = await event.request.formData();
		const done = await surveys.archiveItem(db, form.id, Number(data.get('itemId')));
		return done === 'ok' ? { archived: true } : refused(done);
	}
};

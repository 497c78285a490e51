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

export const load: PageServerLoad = async (event) => {
	const { form } = await formOf(event);
	return {
		form,
		scales: form.audience === 'teacher' ? surveys.TEACHER_SCALES : surveys.PUPIL_SCALES
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { db, form } = await formOf(event);
		const data = await event.request.formData();
		const checked = surveys.checkItem({
			text: String(data.get('text') ?? '').slice(0, 1000),
			scale: String(data.get('scale') ?? ''),
			audience: form.audience
		});
		if (checked.errors.length) return fail(400, { errors: checked.errors });
		await surveys.addItem(db, form.id, {
			text: checked.text,
			scale: checked.scale,
			reversed: data.get('reversed') === 'on'
		});
		return { added: true };
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
		await surveys.updateItemText(db, form.id, item.id, checked.text);
		return { saved: true };
	},
	archive: async (event) => {
		const { db, form } = await formOf(event);
		const data = await event.request.formData();
		if (!(await surveys.archiveItem(db, form.id, Number(data.get('itemId'))))) notFound();
		return { archived: true };
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import { today } from '$lib/server/classes/pupils';
import * as surveys from '$lib/server/surveys/surveys';
import { preRoundRefuses } from '$lib/server/surveys/pre-round';
import { startNewVersion, versionsOf } from '$lib/server/surveys/versions';
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

/** An item's wording as typed, checked against the form (and its pre window ahead, if any). */
async function checkedItem(
	db: ReturnType<typeof database>,
	form: surveys.SurveyForm,
	input: { text: string; scale: string; reversed?: boolean }
) {
	const text = input.text.slice(0, 1000);
	const checked = surveys.checkItem({ ...input, text, audience: form.audience });
	const errors: string[] = [...checked.errors];
	if (!errors.length && (await preRoundRefuses(db, form, checked.text, today())))
		errors.push('pilot_only_pre');
	return { ...checked, errors };
}

export const load: PageServerLoad = async (event) => {
	const { db, form } = await formOf(event);
	const versions = await versionsOf(db, form.id);
	return {
		form,
		locked: await surveys.itemsLocked(db, form.id),
		current: versions.find((v) => v.id === form.id)?.current ?? false,
		versions,
		windows: await surveys.listWindows(db, form.id),
		scales: form.audience === 'teacher' ? surveys.TEACHER_SCALES : surveys.PUPIL_SCALES
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { db, form } = await formOf(event);
		const data = await event.request.formData();
		const reversed = data.get('reversed') === 'on';
		const checked = await checkedItem(db, form, {
			text: String(data.get('text') ?? ''),
			scale: String(data.get('scale') ?? ''),
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
		const checked = await checkedItem(db, form, {
			text: String(data.get('text') ?? ''),
			scale: item.scale
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
	},
	newVersion: async (event) => {
		const { db, form } = await formOf(event);
		const made = await db.transaction().execute((tx) => startNewVersion(tx, form.id));
		if (!made.ok) return fail(409, { versionError: made.error });
		redirect(303, `/department/surveys/${made.id}`);
	}
};

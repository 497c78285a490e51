import { fail, redirect } from '@sveltejs/kit';
import { idParam, notFound } from '$lib/server/auth/guard';
import { requireOpenClass, requireTeacherClass } from '$lib/server/classes/guard';
import * as pupils from '$lib/server/classes/pupils';
import * as changes from '$lib/server/classes/pupil-changes';
import { actorOf } from '$lib/server/audit/log';
import { picturesOf, wordsOf } from '$lib/secrets';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The class's guard (for a change: a class not archived), then a pupil of the class now (else 404). */
async function requirePupil(event: RequestEvent, change = true) {
	const { db, cls } = await (change ? requireOpenClass(event) : requireTeacherClass(event));
	const pupil = await pupils.getPupilInClass(db, cls.id, idParam(event.params.pupilId));
	if (!pupil) notFound();
	return { db, cls, pupil };
}

export const load: PageServerLoad = async (event) => {
	const { cls, pupil } = await requirePupil(event, false);
	const { secret, secretKind, ...details } = pupil;
	void secret;
	void secretKind;
	return { cls: { id: cls.id, name: cls.name }, pupil: details };
};

export const actions: Actions = {
	save: async (event) => {
		const { db, cls, pupil } = await requirePupil(event);
		const form = await event.request.formData();
		const raw = {
			fullName: String(form.get('fullName') ?? '').slice(0, 500),
			gender: String(form.get('gender') ?? ''),
			birthDate: String(form.get('birthDate') ?? ''),
			ethnicity: String(form.get('ethnicity') ?? '').slice(0, 500),
			pupilCode: String(form.get('pupilCode') ?? '').slice(0, 100)
		};
		const { value, errors } = pupils.checkPupil(raw);
		if (!errors.length) errors.push(...(await changes.checkPupilChange(db, cls, pupil.id, value)));
		if (errors.length) return fail(400, { raw, errors });
		const saved = await changes.savingCodes(db, (tx) =>
			changes.updatePupil(tx, actorOf(event), cls, pupil, value)
		);
		if (!saved.ok) {
			errors.push('code_taken');
			return fail(400, { raw, errors });
		}
		return { saved: value.fullName, changed: saved.value.length > 0 };
	},
	resetSecret: async (event) => {
		const { db, cls, pupil } = await requirePupil(event);
		if ((await event.request.formData()).get('confirm') !== 'on')
			return fail(400, { confirmSecret: true });
		await db.transaction().execute((tx) => pupils.resetSecret(tx, actorOf(event), cls, pupil.id));
		const now = (await pupils.getPupilInClass(db, cls.id, pupil.id))!;
		return {
			newSecret: {
				pictures: now.secretKind === 'pictures' ? picturesOf(now.secret) : null,
				words: now.secretKind === 'words' ? wordsOf(now.secret) : null
			}
		};
	},
	leave: async (event) => {
		const { db, cls, pupil } = await requirePupil(event);
		if ((await event.request.formData()).get('confirm') !== 'on')
			return fail(400, { confirmLeave: true });
		await db.transaction().execute((tx) => changes.leaveClass(tx, actorOf(event), cls, pupil.id));
		redirect(303, `/teach/classes/${cls.id}?left=${pupil.id}`);
	}
};

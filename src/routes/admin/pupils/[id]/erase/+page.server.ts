import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/audit/log';
import { erasePupil } from '$lib/server/privacy/erase';
import { pupilSummary } from '$lib/server/privacy/pupils';
import type { Actions, PageServerLoad } from './$types';

async function pupilOf(event: Pick<RequestEvent, 'locals' | 'url'> & { params: { id: string } }) {
	requireRole(event, 'admin');
	const pupil = await pupilSummary(database(), idParam(event.params.id));
	if (!pupil) notFound();
	return pupil;
}

export const load: PageServerLoad = async (event) => ({ pupil: await pupilOf(event) });

export const actions: Actions = {
	// The second step: the box ticked and the pupil's number typed, else nothing changes.
	default: async (event) => {
		const pupil = await pupilOf(event);
		const form = await event.request.formData();
		const typed = String(form.get('confirmId') ?? '').trim();
		if (form.get('understood') !== 'on' || typed !== String(pupil.id))
			return fail(400, { mismatch: true });
		const result = await erasePupil(database(), actorOf(event), pupil.id);
		if (!result.erased) return fail(409, { already: true });
		redirect(303, `/admin/pupils?school=${pupil.schoolId ?? ''}&erased=${pupil.id}`);
	}
};

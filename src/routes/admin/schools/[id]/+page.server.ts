import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import * as schools from '$lib/server/schools/schools';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const school = await schools.getSchool(database(), idParam(event.params.id));
	if (!school) notFound();
	return { school };
};

export const actions: Actions = {
	default: async (event) => {
		requireRole(event, 'admin');
		const db = database();
		const school = await schools.getSchool(db, idParam(event.params.id));
		if (!school) notFound();
		const input = schools.schoolInput(await event.request.formData());
		const checked = await schools.validateSchool(db, input, school.id);
		if (!checked.ok) return fail(400, { input, errors: checked.errors });
		await schools.updateSchool(db, school.id, checked.value);
		return { saved: true };
	}
};

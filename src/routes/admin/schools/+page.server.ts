import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as schools from '$lib/server/schools/schools';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { schools: await schools.listSchools(database()) };
};

export const actions: Actions = {
	create: async (event) => {
		requireRole(event, 'admin');
		const input = schools.schoolInput(await event.request.formData());
		const db = database();
		const checked = await schools.validateSchool(db, input);
		if (!checked.ok) return fail(400, { input, errors: checked.errors });
		await schools.createSchool(db, checked.value);
		return { created: checked.value.name };
	}
};

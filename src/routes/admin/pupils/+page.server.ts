import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listSchools } from '$lib/server/schools/schools';
import { findPupils } from '$lib/server/privacy/pupils';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const erased = Number(event.url.searchParams.get('erased'));
	return {
		schools: await listSchools(database()),
		erased: Number.isSafeInteger(erased) && erased > 0 ? erased : null
	};
};

export const actions: Actions = {
	/** A search by name is sent in the body, never the address: no child's name in history or logs. */
	search: async (event) => {
		requireRole(event, 'admin');
		const db = database();
		const form = await event.request.formData();
		const school = (await listSchools(db)).find((s) => s.id === Number(form.get('school')));
		const query = String(form.get('q') ?? '').slice(0, 120);
		return {
			schoolId: school?.id ?? null,
			query,
			pupils: school && query.trim() ? await findPupils(db, school.id, query) : null
		};
	}
};

import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as years from '$lib/server/schools/years';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { years: await years.listYears(database()) };
};

export const actions: Actions = {
	create: async (event) => {
		requireRole(event, 'admin');
		const form = await event.request.formData();
		const input = {
			name: String(form.get('name') ?? '').slice(0, 50),
			startsOn: String(form.get('startsOn') ?? ''),
			endsOn: String(form.get('endsOn') ?? '')
		};
		const result = await years.createYear(database(), input);
		if (!result.ok) return fail(400, { input, error: result.error });
		return { created: true };
	},
	setCurrent: async (event) => {
		requireRole(event, 'admin');
		const form = await event.request.formData();
		const ok = await database()
			.transaction()
			.execute((tx) => years.setCurrentYear(tx, Number(form.get('id'))));
		if (!ok) return fail(400, { error: 'not_found' as const });
		return { current: true };
	}
};

import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as showcase from '$lib/server/projects/showcase';
import { actorOf } from '$lib/server/audit/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department');
	return { projects: await showcase.listProposed(database()) };
};

export const actions: Actions = {
	feature: async (event) => {
		requireRole(event, 'department');
		const form = await event.request.formData();
		const teamId = Number(form.get('teamId'));
		const db = database();
		if (!(await showcase.getEntry(db, teamId))) return fail(400, { error: true });
		const featured = form.get('featured') === '1';
		await db
			.transaction()
			.execute((tx) => showcase.setFeatured(tx, teamId, featured, actorOf(event)));
		return { done: true };
	}
};

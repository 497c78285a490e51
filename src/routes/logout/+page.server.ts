import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.session) await invalidateSession(database(), locals.session.id);
		deleteSessionCookie(cookies);
		redirect(303, '/');
	}
};

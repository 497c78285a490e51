import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { findClassByJoinCode, normalizeJoinCode } from '$lib/server/classes/classes';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user?.role === 'student') redirect(303, '/learn');
};

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		const code = normalizeJoinCode(String(form.get('code') ?? '').slice(0, 40));
		const cls = code && (await findClassByJoinCode(database(), code));
		if (!cls) return fail(400, { code, message: m.join_code_unknown() });
		redirect(303, `/join/${cls.joinCode}`);
	}
};

import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { passwordProblem, setPassword } from '$lib/server/auth/accounts';
import { verifyPassword } from '$lib/server/auth/password';
import * as auth from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin', 'department', 'teacher');
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin', 'department', 'teacher');
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('password') ?? '');
		const db = database();
		const row = await db
			.selectFrom('users')
			.select('password_hash')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		if (!row.password_hash || !(await verifyPassword(row.password_hash, current)))
			return fail(400, { message: m.password_current_wrong() });
		const problem = passwordProblem(next);
		if (problem)
			return fail(400, {
				message: problem === 'too_short' ? m.err_password_short() : m.err_too_long()
			});
		if (next !== String(form.get('confirm') ?? ''))
			return fail(400, { message: m.password_mismatch() });
		// Every session ends, including this one; this browser gets a fresh one.
		await setPassword(db, user.id, next);
		const token = auth.generateSessionToken();
		const session = await auth.createSession(db, token, user.id);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		return { done: true };
	}
};
